/**
 * The VPC pages in real Chromium against real browser mode, as a learner builds the public/private
 * subnet lab in the console: create a VPC, a public and a private subnet (auto-assign public IPv4 on
 * the public one), an internet gateway attached to the VPC, a route table sending 0.0.0.0/0 to it
 * associated with the public subnet; then the VPC's resource map shows all of it, and deleting the
 * VPC is refused with AWS's DependencyViolation. VPC User Guide: create-vpc, "VPC resource map".
 */
import { describe, expect, it } from 'vitest';
import { ConsolePage, expectNone, expectOne, UI_TIMEOUT } from './support/console-page';
import { useLabSession } from './support/lab-session';

const lab = useLabSession();
const consolePage = new ConsolePage(lab);

describe('VPC pages in the console', () => {
  it('builds a VPC with a public and a private subnet and shows them on the resource map', async () => {
    const page = consolePage.page;
    await consolePage.open('vpcs');
    await page.getByRole('button', { name: 'Create VPC', exact: true }).click();
    const vpcDialog = page.getByRole('dialog', { name: 'Create VPC' });
    await vpcDialog.getByRole('textbox', { name: 'Name tag - optional' }).fill('lab-vpc');
    await vpcDialog.getByRole('textbox', { name: 'IPv4 CIDR' }).fill('10.0.0.0/16');
    await vpcDialog.getByRole('button', { name: 'Create VPC' }).click();
    await expectNone(vpcDialog);
    await consolePage.expectBanner('You successfully created vpc-');
    const vpcRow = page.getByRole('row').filter({ hasText: 'lab-vpc' });
    await expectOne(vpcRow);
    const vpcId = /vpc-[0-9a-f]{17}/.exec(await vpcRow.innerText())![0];

    await consolePage.open('subnets');
    for (const [name, cidr] of [
      ['public', '10.0.1.0/24'],
      ['private', '10.0.2.0/24'],
    ] as const) {
      await page.getByRole('button', { name: 'Create subnet', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Create subnet' });
      await dialog.getByRole('combobox', { name: 'VPC' }).selectOption(vpcId);
      await dialog.getByRole('textbox', { name: 'Name tag - optional' }).fill(name);
      await dialog.getByRole('textbox', { name: 'IPv4 subnet CIDR block' }).fill(cidr);
      await dialog.getByRole('button', { name: 'Create subnet' }).click();
      await expectNone(dialog);
      await expectOne(page.getByRole('row').filter({ hasText: cidr }));
    }
    const publicRow = page.getByRole('row').filter({ hasText: '10.0.1.0/24' });
    const publicSubnet = /subnet-[0-9a-f]{17}/.exec(await publicRow.innerText())![0];
    await publicRow.click();
    await page.getByRole('button', { name: 'Actions', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Enable auto-assign public IPv4 address' }).click();
    await expect.poll(() => publicRow.innerText(), { timeout: UI_TIMEOUT }).toContain('Yes');

    await consolePage.open('internet-gateways');
    await page.getByRole('button', { name: 'Create internet gateway', exact: true }).click();
    const gatewayDialog = page.getByRole('dialog', { name: 'Create internet gateway' });
    await gatewayDialog.getByRole('textbox', { name: 'Name tag - optional' }).fill('lab-igw');
    await gatewayDialog.getByRole('button', { name: 'Create internet gateway' }).click();
    await expectNone(gatewayDialog);
    const gatewayRow = page.getByRole('row').filter({ hasText: 'lab-igw' });
    await expectOne(gatewayRow);
    const gatewayId = /igw-[0-9a-f]{17}/.exec(await gatewayRow.innerText())![0];
    await page.getByRole('button', { name: 'Actions', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Attach to VPC' }).click();
    const attachDialog = page.getByRole('dialog', { name: 'Attach to VPC' });
    await attachDialog.getByRole('combobox', { name: 'VPC' }).selectOption(vpcId);
    await attachDialog.getByRole('button', { name: 'Attach to VPC' }).click();
    await expectNone(attachDialog);
    await expect.poll(() => gatewayRow.innerText(), { timeout: UI_TIMEOUT }).toContain('Attached');

    await consolePage.open('route-tables');
    await page.getByRole('button', { name: 'Create route table', exact: true }).click();
    const tableDialog = page.getByRole('dialog', { name: 'Create route table' });
    await tableDialog.getByRole('textbox', { name: 'Name tag - optional' }).fill('public-rt');
    await tableDialog.getByRole('combobox', { name: 'VPC' }).selectOption(vpcId);
    await tableDialog.getByRole('button', { name: 'Create route table' }).click();
    await expectNone(tableDialog);
    const routes = page.getByRole('region', { name: 'Routes' });
    await routes.getByRole('combobox', { name: 'Target' }).selectOption(gatewayId);
    await routes.getByRole('button', { name: 'Add route' }).click();
    await expect.poll(() => routes.innerText(), { timeout: UI_TIMEOUT }).toContain('0.0.0.0/0');
    const associations = page.getByRole('region', { name: 'Subnet associations' });
    await associations.getByRole('combobox', { name: 'Select a subnet' }).selectOption(publicSubnet);
    await associations.getByRole('button', { name: 'Associate subnet' }).click();
    await expect
      .poll(() => page.getByRole('row').filter({ hasText: 'public-rt' }).innerText(), { timeout: UI_TIMEOUT })
      .toContain(publicSubnet);

    await consolePage.open('vpcs');
    await page.getByRole('row').filter({ hasText: 'lab-vpc' }).click();
    const map = page.getByRole('region', { name: 'Resource map' });
    await expect.poll(() => map.innerText(), { timeout: UI_TIMEOUT }).toContain('public (');
    const text = await map.innerText();
    expect(text).toContain('Subnets (2)');
    expect(text).toContain('Route tables (2)');
    expect(text).toContain(`routes 0.0.0.0/0 to ${gatewayId}`);
    expect(text).toContain('Network connections (1)');
    expect(text).toContain('lab-igw');

    await page.getByRole('button', { name: 'Actions', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Delete VPC' }).click();
    await page.getByRole('dialog', { name: 'Delete VPC' }).getByRole('button', { name: 'Delete' }).click();
    const alert = await consolePage.expectAlert('DependencyViolation');
    expect(await alert.innerText()).toContain(`The vpc '${vpcId}' has dependencies and cannot be deleted.`);
  });
});
