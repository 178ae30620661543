/** The shape of an EC2 operation's implementation: the lab context, the call's region, AWS's request → AWS's result. */
import type { Ec2OperationName, Ec2Operations } from '../../shared/ec2-operations';
import type { EngineContext } from './context';

export type Ec2Handler<K extends Ec2OperationName> = (
  ctx: EngineContext,
  region: string,
  input: Ec2Operations[K]['input'],
) => Ec2Operations[K]['output'];

export type Ec2Handlers = { [K in Ec2OperationName]: Ec2Handler<K> };
