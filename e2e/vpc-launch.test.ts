/**
 * Launching into a VPC of one's own, in real Chromium against real browser mode: the AWS CLI builds
 * a VPC with a public subnet (auto-assign public IPv4 on), an internet gateway attached to it and a
 * route 0.0.0.0/0 to the gateway; the launch wizard launches into that subnet with "Auto-assign
 * public IP" enabled and a launch-wizard group without SSH; the instance's Networking tab shows its
 * auto-assigned public IP, its interface in that subnet, and reachability blocked by "no inbound
 * rule" only, until SSH from My IP is allowed. EC2 User Guide: ec2-instance-launch-parameters
 * (Network settings), using-instance-addressing; VPC User Guide: VPC_Internet_Gateway.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ConsolePage, UI_TIMEOUT } from './support/console-page';
import { AWS, describeWithCli } from './support/aws-cli';
import { useLabSession } from './support/lab-session';

const KEY_ID = 'AKIAE2EVPCLAUNCH0001';
const SECRET = 'e2eVpcLaunchSecretForTheLabOnlyxxxxxxxxx';
const lab = useLabSession({ env: { EC2LAB_ACCESS_KEY_ID: KEY_ID, EC2LAB_SECRET_ACCESS_KEY: SECRET } });
const consolePage = new ConsolePage(lab);

/** `aws ec2 <args…>` against the lab's EC2 API in the console's region; its JSON answer. */
function ec2Cli(...args: string[]): Promise<Record<string, unknown>> {
  const home = lab.dataDirectory;
  writeFileSync(join(home, 'aws-config'), '');
  return new Promise((resolve, reject) => {
    execFile(
      AWS,
      ['ec2', ...args, '--endpoint-url', lab.server.apiUrl, '--region', 'ap-northeast-2', '--output', 'json'],
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
        timeout: 50_000,
      },
      (error, stdout, stderr) =>
        error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout.trim() ? JSON.parse(stdout) : {}),
    );
  });
}

/** The VPC 10.0.0.0/16 with a public subnet 10.0.1.0/24 routed to an attached internet gateway. */
async function buildPublicSubnet(): Promise<{ vpcId: string; subnetId: string }> {
  const vpc = (await ec2Cli('create-vpc', '--cidr-block', '10.0.0.0/16')) as { Vpc: { VpcId: string } };
  const vpcId = vpc.Vpc.VpcId;
  const subnet = (await ec2Cli('create-subnet', '--vpc-id', vpcId, '--cidr-block', '10.0.1.0/24')) as {
    Subnet: { SubnetId: string };
  };
  const subnetId = subnet.Subnet.SubnetId;
  await ec2Cli('modify-subnet-attribute', '--subnet-id', subnetId, '--map-public-ip-on-launch');
  const gateway = (await ec2Cli('create-internet-gateway')) as { InternetGateway: { InternetGatewayId: string } };
  const gatewayId = gateway.InternetGateway.InternetGatewayId;
  await ec2Cli('attach-internet-gateway', '--internet-gateway-id', gatewayId, '--vpc-id', vpcId);
  const tables = (await ec2Cli(
    'describe-route-tables',
    '--filters',
    `Name=vpc-id,Values=${vpcId}`,
    'Name=association.main,Values=true',
  )) as { RouteTables: { RouteTableId: string }[] };
  await ec2Cli(
    'create-route',
    '--route-table-id',
    tables.RouteTables[0]!.RouteTableId,
    '--destination-cidr-block',
    '0.0.0.0/0',
    '--gateway-id',
    gatewayId,
  );
  return { vpcId, subnetId };
}

describeWithCli('launching into a VPC of one’s own', () => {
  it('launches into a public subnet with a public IP, blocked by no inbound rule until SSH from My IP is allowed', async () => {
    const page = consolePage.page;
    const { vpcId, subnetId } = await buildPublicSubnet();

    await consolePage.open('launch');
    await page.getByRole('combobox', { name: 'VPC', exact: true }).selectOption(vpcId);
    await page.getByRole('combobox', { name: 'Subnet', exact: true }).selectOption(subnetId);
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Auto-assign public IP' }).inputValue(), { timeout: UI_TIMEOUT })
      .toBe('enable');
    // A launch-wizard group with no inbound rule at all.
    await page.getByRole('checkbox', { name: 'Allow SSH traffic from' }).uncheck();
    const id = await consolePage.submitWizard('vpc-web');

    const described = (await ec2Cli('describe-instances', '--instance-ids', id)) as {
      Reservations: {
        Instances: { PublicIpAddress?: string; SubnetId: string; SecurityGroups: { GroupId: string }[] }[];
      }[];
    };
    const instance = described.Reservations[0]!.Instances[0]!;
    expect(instance.SubnetId).toBe(subnetId);
    expect(instance.PublicIpAddress).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const groupId = instance.SecurityGroups[0]!.GroupId;

    await consolePage.selectOnly('vpc-web');
    await page.getByRole('tab', { name: 'Networking' }).click();
    const panel = page.getByRole('tabpanel');
    await expect.poll(() => panel.innerText(), { timeout: UI_TIMEOUT }).toContain(instance.PublicIpAddress!);
    expect(await panel.innerText()).toContain('Auto-assigned');
    expect(
      await panel
        .getByRole('row')
        .filter({ hasText: /eni-[0-9a-f]{17}/ })
        .innerText(),
    ).toContain(subnetId);

    const reachability = panel.getByRole('region', { name: /^Reachability: SSH from My IP/ });
    await expect.poll(() => reachability.innerText(), { timeout: UI_TIMEOUT }).toContain('Blocked because');
    // Lab time until the instance runs and its status checks pass (at most ten minutes of it).
    const booting = /not running|still booting/;
    for (let minute = 0; minute < 10 && booting.test(await reachability.innerText()); minute += 1) {
      await consolePage.skipOneMinute();
      await page.waitForTimeout(300);
    }
    await expect.poll(() => reachability.innerText(), { timeout: UI_TIMEOUT }).not.toMatch(booting);
    const myIp = /\((\d+\.\d+\.\d+\.\d+)\)/.exec(await reachability.getByRole('heading').innerText())![1]!;
    // The network lets it through (public IP, route to the gateway, default ACL): only the group blocks it.
    expect(await reachability.locator('li').allInnerTexts()).toEqual([
      `No inbound rule allows SSH (TCP 22) from ${myIp} in ${groupId}.`,
    ]);

    await ec2Cli(
      'authorize-security-group-ingress',
      '--group-id',
      groupId,
      '--protocol',
      'tcp',
      '--port',
      '22',
      '--cidr',
      `${myIp}/32`,
    );
    await expect.poll(() => reachability.innerText(), { timeout: UI_TIMEOUT }).toContain('Allowed');
    expect(await reachability.innerText()).not.toContain('Blocked');
  });
});
