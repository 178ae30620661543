/**
 * The simulation clock. Lab time runs at a chosen speed over real time and stands still while the
 * app is closed. Real time is injected, so tests drive it by hand and never sleep.
 */
import type { ClockSpeed, ClockState } from '../../shared/lab-operations';

export interface Clock {
  /** Simulation time, epoch milliseconds. */
  now(): number;
}

export class SimulationClock implements Clock {
  private anchorSim: number;
  private anchorReal: number;
  private currentSpeed: ClockSpeed;

  constructor(
    private readonly realNow: () => number,
    start: ClockState,
  ) {
    this.anchorSim = start.now;
    this.anchorReal = realNow();
    this.currentSpeed = start.speed;
  }

  now(): number {
    return Math.floor(this.anchorSim + (this.realNow() - this.anchorReal) * this.currentSpeed);
  }

  get speed(): ClockSpeed {
    return this.currentSpeed;
  }

  state(): ClockState {
    return { now: this.now(), speed: this.currentSpeed };
  }

  setSpeed(speed: ClockSpeed): void {
    this.reanchor();
    this.currentSpeed = speed;
  }

  advance(milliseconds: number): void {
    this.reanchor();
    this.anchorSim += milliseconds;
  }

  /** Jump to a saved state (reset, import). */
  restore(state: ClockState): void {
    this.anchorSim = state.now;
    this.anchorReal = this.realNow();
    this.currentSpeed = state.speed;
  }

  private reanchor(): void {
    this.anchorSim = this.now();
    this.anchorReal = this.realNow();
  }
}
