/**
 * The message keys, as types: every dotted path to a message of the English messages (the schema
 * the Korean messages must match). Plain types, so domain modules can name keys without Vue.
 */
import type { MessageSchema } from './locales/en';

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every message key, e.g. 'instances.title' or 'states.running'. */
export type MessageKey = Leaves<MessageSchema>;

/** The keys under `prefix`, without it: e.g. MessageKeyUnder<'states'> is 'running' | 'stopped' | …. */
export type MessageKeyUnder<Prefix extends string> = MessageKey extends infer Key
  ? Key extends `${Prefix}.${infer Rest}`
    ? Rest
    : never
  : never;
