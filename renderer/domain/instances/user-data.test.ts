// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { decodeUserData, encodeUserData } from './user-data';

describe('user data text', () => {
  it('encodes UTF-8 text as base64 and decodes it back', () => {
    expect(encodeUserData('#!/bin/bash\necho hi')).toBe('IyEvYmluL2Jhc2gKZWNobyBoaQ==');
    const korean = '#!/bin/bash\necho "안녕하세요"\n';
    expect(decodeUserData(encodeUserData(korean))).toBe(korean);
    expect(decodeUserData(undefined)).toBe('');
  });

  it('shows a value that is not base64 as it came', () => {
    expect(decodeUserData('#!/bin/bash')).toBe('#!/bin/bash');
  });
});
