/**
 * The EC2 API door as component tests need it: it registers the lab's endpoint and key with the
 * engine, as electron/doors/ec2-api does, but listens on no port. A test sets what the door reports
 * (a taken port, a key from the environment) and announces the end of a port move.
 */
import type { ApiAccess } from '../../shared/lab-operations';
import type { Engine } from '../../electron/engine/engine';
import type { ApiAccessProvider } from '../../electron/engine/lab/api-access';

export const RUNNING_API: ApiAccess = {
  Available: true,
  Endpoint: 'http://127.0.0.1:4566/',
  AccessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  SecretAccessKey: 'wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY12',
  KeySource: 'generated',
  Port: 4566,
  PortSource: 'default',
};

export class TestApiDoor implements ApiAccessProvider {
  private current: ApiAccess;
  private keys = 0;

  constructor(
    private readonly engine: Engine,
    access: ApiAccess = RUNNING_API,
  ) {
    this.current = structuredClone(access);
    engine.setApiAccessProvider(this);
  }

  access(): ApiAccess {
    return structuredClone(this.current);
  }

  /** A new key pair, as the door makes one: AKIA and 16 more characters, a 40-character secret. */
  regenerate(): ApiAccess {
    this.keys++;
    const digit = String.fromCharCode(65 + (this.keys % 26));
    this.current = { ...this.current, AccessKeyId: `AKIA${digit.repeat(16)}`, SecretAccessKey: digit.repeat(40) };
    return this.access();
  }

  /** Answers at once, still on the old port, as the door does; announce() ends the move. */
  setPort(port: number): ApiAccess {
    return { ...this.access(), Notice: `Moving the EC2 API to port ${port}…` };
  }

  /** The door reports a new state (a finished move, a port it could not take): an 'api-access' event. */
  announce(access: ApiAccess): void {
    this.current = structuredClone(access);
    this.engine.setApiAccessProvider(this);
  }
}
