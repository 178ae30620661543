/**
 * The limits OpenSSH's sshd keeps that ssh2 has none of (sshd_config(5)): `MaxAuthTries` (6
 * failed attempts per connection, then "Too many authentication failures"), `LoginGraceTime`
 * (120 s to authenticate, then the connection is dropped), and a per-source penalty like
 * `PerSourcePenalties authfail`: a source with too many failures in a window is refused new
 * connections for a while.
 */

export interface AuthLimits {
  maxAuthTries: number;
  loginGraceMs: number;
  /** Failures from one source within `penaltyWindowMs` that earn it a penalty. */
  penaltyFailures: number;
  penaltyWindowMs: number;
  /** How long a penalised source is refused. */
  penaltyMs: number;
}

export const OPENSSH_LIMITS: AuthLimits = {
  maxAuthTries: 6,
  loginGraceMs: 120_000,
  penaltyFailures: 30,
  penaltyWindowMs: 60_000,
  penaltyMs: 30_000,
};

/** Failed attempts per source address, and whether a source is being refused now. */
export class SourcePenalties {
  private readonly failures = new Map<string, number[]>();
  private readonly refusedUntil = new Map<string, number>();

  constructor(
    private readonly limits: AuthLimits,
    private readonly now: () => number = Date.now,
  ) {}

  refused(source: string): boolean {
    const until = this.refusedUntil.get(source);
    if (until === undefined) return false;
    if (until > this.now()) return true;
    this.refusedUntil.delete(source);
    return false;
  }

  failed(source: string): void {
    const now = this.now();
    const recent = (this.failures.get(source) ?? []).filter((at) => at > now - this.limits.penaltyWindowMs);
    recent.push(now);
    if (recent.length >= this.limits.penaltyFailures) {
      this.refusedUntil.set(source, now + this.limits.penaltyMs);
      this.failures.delete(source);
      return;
    }
    this.failures.set(source, recent);
  }
}
