/**
 * Lab-only operations (no AWS equivalent): the clock, status and notices, Quick Start images,
 * prices, reset, export and import, the CLI's access and the activity log. The engine supplies
 * what touches its whole state.
 */
import {
  CLOCK_SPEEDS,
  type ApiAccess,
  type ClockSpeed,
  type LabOperationName,
  type LabOperations,
  type LabStatus,
} from '../../../shared/lab-operations';
import { MAX_API_PORT, MIN_API_PORT, isAllowedApiPort } from '../../../shared/rules/api-port';
import type { EngineContext } from '../context';
import { errors } from '../errors';
import { describeLaptopFiles, saveDownload } from '../laptop/laptop-downloads';
import { LAPTOP_HOME, LAPTOP_USER } from '../laptop/laptop-disk';
import { findLaunchImage } from '../images/launch-image';
import { reachability } from '../security-groups/reachability';
import { SETTINGS, SETTINGS_ID } from './lab-settings';

/** The lab clock jumps at most a month at a time. */
const MAX_ADVANCE_MS = 31 * 24 * 60 * 60_000;

export interface LabHost {
  status(): LabStatus;
  dismissNotice(at: number): void;
  setClockSpeed(speed: ClockSpeed): void;
  advanceClock(milliseconds: number): void;
  reset(): void;
  exportLab(): LabOperations['ExportLab']['output'];
  importLab(content: string): void;
  apiAccess(): ApiAccess;
  regenerateApiAccess(): ApiAccess;
  setApiPort(port: number): ApiAccess;
  describeActivity(request: LabOperations['DescribeActivity']['input']): LabOperations['DescribeActivity']['output'];
}

export type LabHandlers = {
  [K in LabOperationName]: (
    ctx: EngineContext,
    host: LabHost,
    input: LabOperations[K]['input'],
  ) => LabOperations[K]['output'];
};

function requireRegion(ctx: EngineContext, region: unknown): string {
  if (typeof region !== 'string' || !region) throw errors.missingParameter('Region');
  if (!ctx.catalog.regions.some((r) => r.RegionName === region)) throw errors.invalidRegion(region);
  return region;
}

export const LAB_HANDLERS: LabHandlers = {
  GetStatus: (_ctx, host) => host.status(),
  DismissNotice: (_ctx, host, input) => {
    host.dismissNotice(Number(input.at));
    return host.status();
  },
  GetClock: (ctx) => ctx.clock.state(),
  SetClockSpeed: (ctx, host, input) => {
    if (!CLOCK_SPEEDS.includes(input.speed)) {
      throw errors.invalidParameterValue(
        `Value (${String(input.speed)}) for parameter speed is invalid. Expected: 0, 1, 10, 60.`,
      );
    }
    host.setClockSpeed(input.speed);
    return ctx.clock.state();
  },
  AdvanceClock: (ctx, host, input) => {
    const ms = input.milliseconds;
    if (!Number.isInteger(ms) || ms <= 0 || ms > MAX_ADVANCE_MS) {
      throw errors.invalidParameterValue(
        `Value (${String(ms)}) for parameter milliseconds is invalid. Expected a whole number from 1 to ${MAX_ADVANCE_MS}.`,
      );
    }
    host.advanceClock(ms);
    return ctx.clock.state();
  },
  DescribeQuickStartImages: (ctx, _host, input) => {
    const region = requireRegion(ctx, input.Region);
    // Marketplace AMIs are not on the Quick Start tab: they have a seller of their own.
    return {
      Images: (ctx.catalog.images[region] ?? []).filter((i) => !i.quickStart.Vendor).map((i) => ({ ...i.quickStart })),
    };
  },
  DescribeLaunchImage: (ctx, _host, input) => {
    const region = requireRegion(ctx, input.Region);
    return { Image: { ...findLaunchImage(ctx, region, input.ImageId).quickStart } };
  },
  DescribePrices: (ctx, _host, input) => {
    const region = requireRegion(ctx, input.Region);
    return structuredClone(ctx.catalog.prices[region]!);
  },
  ResetLab: (_ctx, host) => {
    host.reset();
    return host.status();
  },
  ExportLab: (_ctx, host) => host.exportLab(),
  ImportLab: (_ctx, host, input) => {
    host.importLab(input.content);
    return host.status();
  },
  GetApiAccess: (_ctx, host) => host.apiAccess(),
  RegenerateApiAccessKey: (_ctx, host) => host.regenerateApiAccess(),
  SetApiPort: (_ctx, host, input) => {
    const port = input.Port;
    if (!isAllowedApiPort(port)) {
      throw errors.invalidParameterValue(
        `Value (${String(port)}) for parameter Port is invalid. Expected a whole number from ${MIN_API_PORT} to ${MAX_API_PORT}.`,
      );
    }
    return host.setApiPort(port);
  },
  DescribeActivity: (_ctx, host, input) => host.describeActivity(input),
  GetLaptop: (ctx) => ({ PublicIp: laptopIp(ctx), User: LAPTOP_USER, HomeDirectory: LAPTOP_HOME }),
  SaveLaptopDownload: (ctx, _host, input) => saveDownload(ctx, input.FileName, input.Content),
  DescribeLaptopFiles: (ctx) => ({ Files: describeLaptopFiles(ctx) }),
  DescribeReachability: (ctx, _host, input) => {
    const region = requireRegion(ctx, input.Region);
    if (typeof input.InstanceId !== 'string' || !input.InstanceId) throw errors.missingParameter('InstanceId');
    if (typeof input.Protocol !== 'string' || !input.Protocol) throw errors.missingParameter('Protocol');
    if (!Number.isInteger(input.Port) || input.Port < -1 || input.Port > 65535) {
      throw errors.invalidParameterValue(`Value (${String(input.Port)}) for parameter Port is invalid.`);
    }
    const source = input.SourceIp ?? laptopIp(ctx);
    const answer = reachability(ctx, region, {
      instanceId: input.InstanceId,
      protocol: input.Protocol,
      port: input.Port,
      source,
    });
    return {
      Allowed: answer.allowed,
      SourceIp: source,
      Reasons: answer.allowed
        ? []
        : answer.reasons.map((reason) => ({
            Code: reason.code,
            Message: reason.message,
            ...(reason.code === 'no-inbound-rule' ? { GroupIds: reason.groups.map((g) => g.groupId) } : {}),
            ...(reason.code === 'no-route-to-internet-gateway' && reason.routeTableId
              ? { ResourceId: reason.routeTableId }
              : {}),
            ...(reason.code === 'network-acl-inbound' || reason.code === 'network-acl-outbound'
              ? { ResourceId: reason.networkAclId, Rule: reason.rule }
              : {}),
          })),
    };
  },
};

function laptopIp(ctx: EngineContext): string {
  return ctx.records(SETTINGS).get(SETTINGS_ID)!.laptopPublicIp!;
}
