import { describe, expect, it } from 'vitest';
import { OPENSSH_LIMITS, SourcePenalties } from './auth-limits';

describe('per-source penalties for failed logins', () => {
  it('refuse a source after too many failures within the window, for a while, and no other source', () => {
    let now = 0;
    const penalties = new SourcePenalties(
      { ...OPENSSH_LIMITS, penaltyFailures: 3, penaltyWindowMs: 10_000, penaltyMs: 5_000 },
      () => now,
    );
    penalties.failed('10.0.0.1');
    now = 4_000;
    penalties.failed('10.0.0.1');
    expect(penalties.refused('10.0.0.1')).toBe(false);
    now = 8_000;
    penalties.failed('10.0.0.1');
    expect(penalties.refused('10.0.0.1')).toBe(true);
    expect(penalties.refused('10.0.0.2')).toBe(false);
    now = 13_001;
    expect(penalties.refused('10.0.0.1')).toBe(false);
  });

  it('forget failures older than the window', () => {
    let now = 0;
    const penalties = new SourcePenalties(
      { ...OPENSSH_LIMITS, penaltyFailures: 2, penaltyWindowMs: 1_000, penaltyMs: 5_000 },
      () => now,
    );
    penalties.failed('10.0.0.1');
    now = 2_000;
    penalties.failed('10.0.0.1');
    expect(penalties.refused('10.0.0.1')).toBe(false);
  });

  it('are OpenSSH’s defaults: MaxAuthTries 6, LoginGraceTime 120 s', () => {
    expect(OPENSSH_LIMITS.maxAuthTries).toBe(6);
    expect(OPENSSH_LIMITS.loginGraceMs).toBe(120_000);
  });
});
