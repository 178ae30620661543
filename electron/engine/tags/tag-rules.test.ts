import { describe, expect, it } from 'vitest';
import { createTestLab } from '../test-support/test-lab';

describe('tag restrictions', () => {
  it('counts Unicode characters as AWS does, not UTF-16 units', () => {
    const lab = createTestLab();
    const id = lab.launch();
    // 128 emoji are 256 UTF-16 units: still a valid key.
    lab.ec2('CreateTags', { Resources: [id], Tags: [{ Key: '😀'.repeat(128), Value: '값'.repeat(256) }] });
    expect(lab.ec2('DescribeTags', {}).Tags!.map((t) => t.Key)).toContain('😀'.repeat(128));
    expect(lab.ec2Error('CreateTags', { Resources: [id], Tags: [{ Key: '😀'.repeat(129) }] }).message).toMatch(
      /^Tag key exceeds the maximum length of 128 characters/,
    );
    expect(lab.ec2Error('CreateTags', { Resources: [id], Tags: [{ Key: 'k', Value: '😀'.repeat(257) }] }).message).toBe(
      "Tag value exceeds the maximum length of 256 characters for key 'k'",
    );
  });

  it('refuses an empty key, the aws: prefix, duplicates and a 51st tag', () => {
    const lab = createTestLab();
    const id = lab.launch();
    const refuse = (tags: { Key: string; Value?: string }[]) =>
      lab.ec2Error('CreateTags', { Resources: [id], Tags: tags });
    expect(refuse([{ Key: '' }]).message).toBe('Tag key cannot be empty.');
    expect(refuse([{ Key: 'AWS:x' }]).message).toBe("Tag keys starting with 'aws:' are reserved for internal use");
    expect(refuse([{ Key: 'a' }, { Key: 'a' }]).message).toBe('Duplicate tag key specified.');
    const fifty = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: '' }));
    lab.ec2('CreateTags', { Resources: [id], Tags: fifty });
    expect(refuse([{ Key: 'one-more' }])).toEqual({
      code: 'TagLimitExceeded',
      message: 'The maximum number of Tags for a resource has been reached.',
    });
  });
});
