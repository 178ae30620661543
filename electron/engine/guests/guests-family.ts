/**
 * The guests family: the runtime of the Linux inside each instance (guest-record.ts), kept with the
 * lab and exported with it, booted and brought down with its instance on the clock (guest-boot.ts).
 * It serves no EC2 operation; the shell reaches it through `engine.guests` (guest-runtime.ts).
 */
import { defineFamily } from '../resource-family';
import { advanceGuests } from './guest-boot';
import { GUESTS, checkImportedGuest } from './guest-record';

export const GUESTS_FAMILY = defineFamily({
  name: 'guests',
  collection: GUESTS,
  importCheck: checkImportedGuest,
  advance: advanceGuests,
  handlers: {},
});
