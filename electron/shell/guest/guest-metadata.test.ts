import { afterEach, describe, expect, it } from 'vitest';
import { quickStartImage } from '../../engine/test-support/test-lab';
import { terminalHarness, type TerminalHarness } from '../test-support/terminal-harness';
import { loginTo, runningInstance, stopAndStart } from '../test-support/guest-harness';

let harness: TerminalHarness | undefined;
afterEach(() => harness?.close());

const IMDS = 'http://169.254.169.254/latest';
const base64 = (text: string) => Buffer.from(text).toString('base64');

async function userDataDone(h: TerminalHarness): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await h.shells.guest.userDataIdle();
}

describe('instance metadata (IMDS)', () => {
  it('answers IMDSv2 with a token and refuses v1 with 401 where tokens are required (Amazon Linux 2023)', async () => {
    harness = terminalHarness();
    const id = runningInstance(harness);
    const described = harness.lab.ec2('DescribeInstances', { InstanceIds: [id] }).Reservations![0]!.Instances![0]!;
    expect(described.MetadataOptions?.HttpTokens).toBe('required');
    void loginTo(harness, id);
    const refused = await harness.run(`curl -s ${IMDS}/meta-data/instance-id`);
    expect(refused).toContain('<title>401 - Unauthorized</title>');
    expect(await harness.run(`curl -s -o /dev/null -w "%{http_code}\\n" ${IMDS}/meta-data/`)).toContain('401\n');
    await harness.run(`TOKEN=$(curl -s -X PUT "${IMDS}/api/token" -H "X-aws-ec2-metadata-token-ttl-seconds: 21600")`);
    const header = '-H "X-aws-ec2-metadata-token: $TOKEN"';
    expect(await harness.run(`curl -s ${header} ${IMDS}/meta-data/instance-id; echo`)).toContain(`${id}\n`);
    expect(await harness.run(`curl -s ${header} ${IMDS}/meta-data/instance-type; echo`)).toContain('t3.micro\n');
    expect(await harness.run(`curl -s ${header} ${IMDS}/meta-data/local-ipv4; echo`)).toContain(
      `${described.PrivateIpAddress}\n`,
    );
    expect(await harness.run(`curl -s ${header} ${IMDS}/meta-data/placement/availability-zone; echo`)).toContain(
      'ap-northeast-2a\n',
    );
    expect(await harness.run(`curl -s ${header} ${IMDS}/meta-data/mac; echo`)).toContain(
      `${described.NetworkInterfaces![0]!.MacAddress}\n`,
    );
    const listing = await harness.run(`curl -s ${header} ${IMDS}/meta-data/; echo`);
    expect(listing).toMatch(/ami-id\n[\s\S]*block-device-mapping\/\n[\s\S]*instance-id\n/);
    expect(await harness.run(`curl -s ${header} ${IMDS}/meta-data/block-device-mapping/root; echo`)).toContain(
      '/dev/xvda\n',
    );
    expect(await harness.run(`curl -s -H "X-aws-ec2-metadata-token: wrong" ${IMDS}/meta-data/ami-id`)).toContain(
      '401 - Unauthorized',
    );
    expect(await harness.run(`curl -s -X PUT ${IMDS}/api/token`)).toContain('400 - Bad Request');
  });

  it('answers IMDSv1 where the AMI allows it (Ubuntu), and serves the user data', async () => {
    harness = terminalHarness();
    const id = runningInstance(harness, {
      ImageId: quickStartImage('ubuntu'),
      UserData: base64('#!/bin/bash\necho hello from user data\n'),
    });
    await userDataDone(harness);
    void loginTo(harness, id, 'ubuntu');
    expect(await harness.run(`curl -s ${IMDS}/meta-data/ami-id; echo`)).toContain(`${quickStartImage('ubuntu')}\n`);
    expect(await harness.run(`curl -s ${IMDS}/user-data`)).toContain('#!/bin/bash\necho hello from user data\n');
    expect(await harness.run(`curl -s ${IMDS}/meta-data/no-such-thing`)).toContain('404 - Not Found');
  });
});

describe('user data', () => {
  it('runs once as root at first boot, its output in cloud-init-output.log, and can start a web server', async () => {
    harness = terminalHarness();
    const script = [
      '#!/bin/bash',
      'dnf install -y httpd',
      'systemctl enable --now httpd',
      'echo "<h1>Hello from $(whoami)</h1>" > /var/www/html/index.html',
      '',
    ].join('\n');
    const id = runningInstance(harness, { UserData: base64(script) });
    await userDataDone(harness);
    const answer = harness.shells.guest.services.http(id, 80, 'GET', '/');
    expect(answer).toMatchObject({ status: 200, body: '<h1>Hello from root</h1>\n' });
    void loginTo(harness, id);
    const log = await harness.run('sudo cat /var/log/cloud-init-output.log');
    expect(log).toMatch(/Cloud-init v\. [\d.]+ running 'modules:final'/);
    expect(log).toContain('Complete!');
    expect(log).toMatch(/Cloud-init v\. [\d.]+ finished at/);
    expect(await harness.run('curl -s http://localhost/')).toContain('<h1>Hello from root</h1>');

    await stopAndStart(harness, id);
    await userDataDone(harness);
    void loginTo(harness, id);
    expect(await harness.run("sudo grep -c 'running .modules:final' /var/log/cloud-init-output.log")).toContain('1\n');
    // httpd was enabled, so it came back with the boot.
    expect(harness.shells.guest.services.listening(id, 'tcp', 80)).toBe(true);
  });
});
