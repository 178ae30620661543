import { describe, expect, it } from 'vitest';
import { createEngine } from '../../engine/engine';
import { MemoryStateStore } from '../../engine/state/state-store';
import { createAccessKeys } from './access-keys';
import { createEc2ApiHandler } from './ec2-api-handler';
import { signRequest } from './test-support/sign-request';

const keys = createAccessKeys();
const engine = createEngine({ store: new MemoryStateStore() });
const handle = createEc2ApiHandler({ engine, credentials: () => keys });
const accountId = (
  engine.dispatch({ service: 'lab', operation: 'GetStatus', input: {} }) as { value: { accountId: string } }
).value.accountId;

const sts = (body: string, service = 'sts') =>
  signRequest({ keys, service, region: 'us-east-1', body }).then((request) => handle(request));

describe('STS on the EC2 endpoint', () => {
  it('answers GetCallerIdentity with the lab account, its learner and a stable user id', async () => {
    const reply = await sts('Action=GetCallerIdentity&Version=2011-06-15');
    expect(reply.status).toBe(200);
    expect(reply.body).toContain(`<Account>${accountId}</Account>`);
    expect(reply.body).toContain(`<Arn>arn:aws:iam::${accountId}:user/ec2-lab-learner</Arn>`);
    const userId = /<UserId>(AIDA[A-Z2-7]{17})<\/UserId>/.exec(reply.body)?.[1];
    expect(userId).toBeDefined();
    expect((await sts('Action=GetCallerIdentity&Version=2011-06-15')).body).toContain(`<UserId>${userId}</UserId>`);
    expect(reply.body).toContain(`<RequestId>${reply.requestId}</RequestId>`);
  });

  it('refuses other STS actions, and services the lab does not serve, with clear errors', async () => {
    const assume = await sts('Action=AssumeRole&Version=2011-06-15');
    expect(assume.status).toBe(400);
    expect(assume.body).toContain('<Code>InvalidAction</Code>');
    expect(assume.body).toContain('GetCallerIdentity only, not AssumeRole.</Message>');
    const iam = await sts('Action=GetUser&Version=2010-05-08', 'iam');
    expect(iam.status).toBe(400);
    expect(iam.body).toContain('<Code>IncompleteSignature</Code>');
    expect(iam.body).toContain('not &apos;iam&apos;');
  });
});
