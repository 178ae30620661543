/**
 * One lab, two doors at once: the real AWS CLI and SDK call browser mode's EC2 API, and the console
 * in Chromium shows their changes live, lists the calls in Activity with their caller, and shows
 * the endpoint and key on the CLI access page. Each test launches what it needs, so any one of them
 * can run alone; the one that needs the AWS CLI shows as skipped where it is not installed (and
 * fails in CI, which installs it).
 */
import { execFile } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DescribeImagesCommand, DescribeInstancesCommand, EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { ConsolePage, UI_TIMEOUT } from './support/console-page';
import { useLabSession } from './support/lab-session';

const AWS_CLI = '/usr/bin/aws';
const KEY_ID = 'AKIAE2ETESTKEY000001';
const SECRET = 'e2eSecretKeyForTheLabOnlyxxxxxxxxxxxxxxx';
const hasCli = existsSync(AWS_CLI);

const lab = useLabSession({ env: { EC2LAB_ACCESS_KEY_ID: KEY_ID, EC2LAB_SECRET_ACCESS_KEY: SECRET } });
const consolePage = new ConsolePage(lab);

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

/** Launches one instance named `name` through the SDK, as a script would; returns its id. */
async function launchWithSdk(name: string): Promise<string> {
  const client = sdk('ap-northeast-2');
  const images = await client.send(
    new DescribeImagesCommand({ Filters: [{ Name: 'architecture', Values: ['x86_64'] }] }),
  );
  const launched = await client.send(
    new RunInstancesCommand({
      ImageId: images.Images![0]!.ImageId!,
      InstanceType: 't3.micro',
      MinCount: 1,
      MaxCount: 1,
      TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: name }] }],
    }),
  );
  return launched.Instances![0]!.InstanceId!;
}

describe('the AWS CLI and SDK drive the lab the console shows', () => {
  it('shows an instance launched by the SDK live in the console', async () => {
    await consolePage.open('instances');
    const id = await launchWithSdk('from-the-sdk');
    // No reload: the console hears the engine's event.
    await consolePage.expectState('from-the-sdk', 'Pending');
    expect(await consolePage.row('from-the-sdk').innerText()).toContain(id);

    // The other region stays empty, as on AWS.
    const elsewhere = await sdk('us-east-1').send(new DescribeInstancesCommand({}));
    expect(elsewhere.Reservations).toEqual([]);
  });

  // Without the CLI this shows as skipped; in CI the CLI must be there (.ci/run installs Debian's awscli).
  it.skipIf(!hasCli && !process.env.CI)(
    'lists CLI and SDK calls in Activity with their caller and CLI command',
    async () => {
      const id = await launchWithSdk('for-the-activity-log');
      const described = JSON.parse(
        await awsCli('ec2', 'describe-instances', '--filters', 'Name=tag:Name,Values=for-the-activity-log'),
      ) as {
        Reservations: { Instances: { InstanceId: string }[] }[];
      };
      expect(described.Reservations.map((r) => r.Instances.map((i) => i.InstanceId))).toEqual([[id]]);

      await consolePage.open('activity');
      const table = consolePage.page.getByRole('table', { name: 'Event history' });
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
        .poll(() => consolePage.page.getByText('aws ec2 run-instances --region ap-northeast-2').count(), {
          timeout: UI_TIMEOUT,
        })
        .toBeGreaterThan(0);
    },
  );

  it('shows the endpoint and the key on the CLI access page, the secret only on request', async () => {
    const page = consolePage.page;
    await consolePage.open('cli-access');
    await expect.poll(() => page.getByText(KEY_ID).count(), { timeout: UI_TIMEOUT }).toBeGreaterThan(0);
    expect(await page.getByText(lab.server.apiUrl).count()).toBeGreaterThan(0);
    expect(await page.getByText(SECRET).count()).toBe(0);
    await page.getByRole('button', { name: 'Show secret access key' }).click();
    await expect.poll(() => page.getByText(SECRET).count(), { timeout: UI_TIMEOUT }).toBeGreaterThan(0);
    // Keys set by the person who started the lab cannot be regenerated from the page.
    expect(await page.getByRole('button', { name: 'Regenerate access key' }).isDisabled()).toBe(true);
  });
});
