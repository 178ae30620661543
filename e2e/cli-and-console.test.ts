/**
 * One lab, two doors at once: the real AWS CLI and SDK call browser mode's EC2 API, and the console
 * in Chromium shows their changes live, lists the calls in Activity with their caller, and shows
 * the endpoint and key on the CLI access lab.page.
 */
import { execFile } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DescribeInstancesCommand, EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { useLabSession } from './support/lab-session';

const AWS_CLI = '/usr/bin/aws';
const KEY_ID = 'AKIAE2ETESTKEY000001';
const SECRET = 'e2eSecretKeyForTheLabOnlyxxxxxxxxxxxxxxx';
const UI_TIMEOUT = 15_000;

const lab = useLabSession({ env: { EC2LAB_ACCESS_KEY_ID: KEY_ID, EC2LAB_SECRET_ACCESS_KEY: SECRET } });

function sdk(region: string): EC2Client {
  return new EC2Client({
    endpoint: lab.server.apiUrl,
    region,
    credentials: { accessKeyId: KEY_ID, secretAccessKey: SECRET },
  });
}

function awsCli(...args: string[]): Promise<string> {
  const home = lab.dataDirectory;
  writeFileSync(join(home, 'aws-config'), '');
  return new Promise((resolve, reject) => {
    execFile(
      AWS_CLI,
      ['--endpoint-url', lab.server.apiUrl, '--region', 'ap-northeast-2', '--output', 'json', ...args],
      {
        env: {
          PATH: process.env.PATH,
          HOME: home,
          AWS_ACCESS_KEY_ID: KEY_ID,
          AWS_SECRET_ACCESS_KEY: SECRET,
          AWS_CONFIG_FILE: join(home, 'aws-config'),
          AWS_SHARED_CREDENTIALS_FILE: join(home, 'aws-config'),
          AWS_EC2_METADATA_DISABLED: 'true',
          AWS_PAGER: '',
        },
      },
      (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout)),
    );
  });
}

describe('the AWS CLI and SDK drive the lab the console shows', () => {
  it('shows an instance launched by the SDK live in the console', async () => {
    await lab.page.goto(`${lab.server.url}?lang=en#/instances`);
    await expect
      .poll(() => lab.page.getByRole('button', { name: 'Launch instances' }).count(), { timeout: UI_TIMEOUT })
      .toBe(1);
    const client = sdk('ap-northeast-2');
    const images = await lab.page.evaluate(async () => {
      const response = await fetch('/api/call', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          service: 'lab',
          operation: 'DescribeQuickStartImages',
          input: { Region: 'ap-northeast-2' },
        }),
      });
      return (await response.json()) as { value: { Images: { ImageId: string; Os: string; Architecture: string }[] } };
    });
    const imageId = images.value.Images.find((i) => i.Os === 'amazon-linux' && i.Architecture === 'x86_64')!.ImageId;
    const launched = await client.send(
      new RunInstancesCommand({
        ImageId: imageId,
        InstanceType: 't3.micro',
        MinCount: 1,
        MaxCount: 1,
        TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'from-the-sdk' }] }],
      }),
    );
    const id = launched.Instances![0]!.InstanceId!;
    // No reload: the console hears the engine's event.
    await expect
      .poll(() => lab.page.getByRole('row').filter({ hasText: 'from-the-sdk' }).count(), { timeout: UI_TIMEOUT })
      .toBe(1);
    expect(await lab.page.getByRole('row').filter({ hasText: 'from-the-sdk' }).innerText()).toContain(id);

    // The other region stays empty, as on AWS.
    const elsewhere = await sdk('us-east-1').send(new DescribeInstancesCommand({}));
    expect(elsewhere.Reservations).toEqual([]);
  });

  it('lists CLI and SDK calls in Activity with their caller and CLI command', async () => {
    if (!existsSync(AWS_CLI)) {
      if (process.env.CI) throw new Error(`${AWS_CLI} is missing: .ci/run installs Debian's awscli`);
      return;
    }
    const described = JSON.parse(
      await awsCli('ec2', 'describe-instances', '--filters', 'Name=tag:Name,Values=from-the-sdk'),
    ) as {
      Reservations: { Instances: { InstanceId: string }[] }[];
    };
    expect(described.Reservations).toHaveLength(1);

    await lab.page.goto(`${lab.server.url}?lang=en#/activity`);
    const table = lab.page.getByRole('table', { name: 'Event history' });
    await expect
      .poll(() => table.getByRole('row').filter({ hasText: 'DescribeInstances' }).count(), { timeout: UI_TIMEOUT })
      .toBeGreaterThan(0);
    expect(await table.getByRole('row').filter({ hasText: 'DescribeInstances' }).first().innerText()).toContain(
      'AWS CLI',
    );
    const run = table.getByRole('row').filter({ hasText: 'RunInstances' }).first();
    expect(await run.innerText()).toContain('SDK');
    await run.getByRole('button', { name: /^Show details for RunInstances/ }).click();
    await expect
      .poll(() => lab.page.getByText('aws ec2 run-instances --region ap-northeast-2').count(), { timeout: UI_TIMEOUT })
      .toBeGreaterThan(0);
  });

  it('shows the endpoint and the key on the CLI access page, the secret only on request', async () => {
    await lab.page.goto(`${lab.server.url}?lang=en#/cli-access`);
    await expect.poll(() => lab.page.getByText(KEY_ID).count(), { timeout: UI_TIMEOUT }).toBeGreaterThan(0);
    expect(await lab.page.getByText(lab.server.apiUrl).count()).toBeGreaterThan(0);
    expect(await lab.page.getByText(SECRET).count()).toBe(0);
    await lab.page.getByRole('button', { name: 'Show secret access key' }).click();
    await expect.poll(() => lab.page.getByText(SECRET).count(), { timeout: UI_TIMEOUT }).toBeGreaterThan(0);
    // Keys set by the person who started the lab cannot be regenerated from the lab.page.
    expect(await lab.page.getByRole('button', { name: 'Regenerate access key' }).isDisabled()).toBe(true);
  });
});
