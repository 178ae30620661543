/**
 * The security group the launch wizard creates: named launch-wizard-N (N the lowest number no group
 * of the VPC uses), described as the console does, with inbound rules from the "Allow SSH / HTTPS /
 * HTTP traffic" checkboxes. EC2 User Guide: ec2-instance-launch-parameters (Network settings).
 */
import type { IpPermission } from '@aws-sdk/client-ec2';
import type { LaunchForm } from './launch-form';

export function nextLaunchWizardName(existingNames: string[]): string {
  const used = new Set(existingNames);
  let number = 1;
  while (used.has(`launch-wizard-${number}`)) number += 1;
  return `launch-wizard-${number}`;
}

/** "launch-wizard-1 created 2025-05-01T10:00:00.000Z", as the console describes it. */
export function launchWizardDescription(name: string, now: number): string {
  return `${name} created ${new Date(now).toISOString()}`;
}

/** The CIDR the SSH checkbox allows: 0.0.0.0/0, My IP /32, or the typed one. */
export function sshSourceCidr(form: LaunchForm, myIp: string | undefined): string {
  if (form.sshSource === 'anywhere') return '0.0.0.0/0';
  if (form.sshSource === 'my-ip') return myIp ? `${myIp}/32` : '';
  return form.sshCidr.trim();
}

export function launchWizardPermissions(form: LaunchForm, myIp: string | undefined): IpPermission[] {
  const tcp = (port: number, cidr: string): IpPermission => ({
    IpProtocol: 'tcp',
    FromPort: port,
    ToPort: port,
    IpRanges: [{ CidrIp: cidr }],
  });
  const permissions: IpPermission[] = [];
  if (form.allowSsh) permissions.push(tcp(22, sshSourceCidr(form, myIp)));
  if (form.allowHttps) permissions.push(tcp(443, '0.0.0.0/0'));
  if (form.allowHttp) permissions.push(tcp(80, '0.0.0.0/0'));
  return permissions;
}
