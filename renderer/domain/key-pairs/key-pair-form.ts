/**
 * The console's checks of a key pair's name before CreateKeyPair or ImportKeyPair: up to 255 ASCII
 * characters (the engine's rule, electron/engine/key-pairs/new-key-pair.ts), and, as the console
 * adds, no leading or trailing spaces; and the private key file's name, `<name>.pem` or `.ppk`.
 * EC2 User Guide: create-key-pairs.
 */
import type { KeyFormat } from '@aws-sdk/client-ec2';
import type { MessageKey } from '../../i18n/message-keys';

export const MAX_KEY_NAME_LENGTH = 255;

export interface KeyNameError {
  key: MessageKey;
  params?: Record<string, number>;
}

/** What is wrong with `name`, or undefined when CreateKeyPair may have it. */
export function keyNameError(name: string): KeyNameError | undefined {
  if (name.length === 0) return { key: 'keyPairs.errors.nameRequired' };
  if (name.length > MAX_KEY_NAME_LENGTH) {
    return { key: 'keyPairs.errors.nameTooLong', params: { max: MAX_KEY_NAME_LENGTH } };
  }
  if (!/^[\x20-\x7e]+$/.test(name)) return { key: 'keyPairs.errors.nameAscii' };
  if (name.trim() !== name) return { key: 'keyPairs.errors.nameSpaces' };
  return undefined;
}

/** The file the private key is saved as, as the console names it. */
export function privateKeyFileName(name: string, format: KeyFormat): string {
  return `${name}.${format}`;
}
