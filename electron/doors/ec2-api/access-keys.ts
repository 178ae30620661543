/**
 * The lab's access key pair: what a learner puts in `aws configure` to drive the lab with the real
 * AWS CLI or an SDK. Made at random once per install (the host persists it), never a constant, and
 * shaped like AWS's: `AKIA` + 16 characters of A–Z/2–7, and a 40-character secret
 * (IAM User Guide: id_credentials_access-keys).
 */
import { randomBytes } from 'node:crypto';

export interface AccessKeyPair {
  accessKeyId: string;
  secretAccessKey: string;
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const ACCESS_KEY_ID = /^AKIA[A-Z2-7]{16}$/;
const SECRET_ACCESS_KEY = /^[A-Za-z0-9+/]{40}$/;

export function createAccessKeys(random: (count: number) => Uint8Array = randomBytes): AccessKeyPair {
  // 32 symbols: a byte's low five bits pick one without bias.
  const id = [...random(16)].map((byte) => BASE32[byte & 31]).join('');
  return {
    accessKeyId: `AKIA${id}`,
    // 30 random bytes are exactly 40 base64 characters, no padding.
    secretAccessKey: Buffer.from(random(30)).toString('base64'),
  };
}

export function isAccessKeyPair(value: unknown): value is AccessKeyPair {
  if (typeof value !== 'object' || value === null) return false;
  const { accessKeyId, secretAccessKey } = value as Partial<AccessKeyPair>;
  return (
    typeof accessKeyId === 'string' &&
    typeof secretAccessKey === 'string' &&
    ACCESS_KEY_ID.test(accessKeyId) &&
    SECRET_ACCESS_KEY.test(secretAccessKey)
  );
}

/**
 * Browser mode's keys from EC2LAB_ACCESS_KEY_ID / EC2LAB_SECRET_ACCESS_KEY when both are set.
 * Only presence is required there (a CI script may choose its own); an incomplete pair is an error.
 */
export function accessKeysFromEnv(env: Readonly<Record<string, string | undefined>>): AccessKeyPair | undefined {
  const accessKeyId = env.EC2LAB_ACCESS_KEY_ID;
  const secretAccessKey = env.EC2LAB_SECRET_ACCESS_KEY;
  if (!accessKeyId && !secretAccessKey) return undefined;
  if (!accessKeyId || !secretAccessKey || /[\s/]/.test(accessKeyId)) {
    throw new Error(
      'Set both EC2LAB_ACCESS_KEY_ID and EC2LAB_SECRET_ACCESS_KEY (the key id without spaces or "/"), or neither.',
    );
  }
  return { accessKeyId, secretAccessKey };
}
