/**
 * The private and public addresses a region holds (every interface's private addresses, primary and
 * secondary, the public addresses on them and every allocated Elastic IP), so new ones never collide,
 * and what is left in a subnet: AWS reserves the first four addresses and the last of every subnet
 * (VPC User Guide: subnet-sizing).
 *
 * They are kept in an index as interfaces and Elastic IPs change, not read from every interface at
 * every launch: a RunInstances in a region of 2,500 instances reads the records it changes, not 2,500
 * interfaces. The index follows its repositories' watch like the tag index; records changed by the
 * command running now are read again at every lookup until the command ends (a touched record may
 * still be changing in place).
 */
import { ADDRESSES, type AddressRecord } from '../addresses/address-record';
import type { EngineContext } from '../context';
import type { Repository } from '../state/repository';
import { NETWORK_INTERFACES, type NetworkInterfaceRecord } from './network-interface-record';

/** Every private address of an interface, the primary one first. */
export function privateAddressesOf(eni: NetworkInterfaceRecord): string[] {
  return [eni.privateIpAddress, ...(eni.secondaryPrivateIpAddresses ?? [])];
}

/** What a command asks of a set of taken addresses, and notes as it hands more out. */
export interface AddressSet {
  has(address: string): boolean;
  add(address: string): void;
  delete(address: string): void;
}

/** The index's addresses for one command to add to and take from, leaving the index as it is. */
class ScratchAddresses implements AddressSet {
  private readonly added = new Set<string>();
  private readonly removed = new Set<string>();
  constructor(private readonly base: ReadonlyMap<string, number>) {}
  has(address: string): boolean {
    return this.added.has(address) || (!this.removed.has(address) && this.base.has(address));
  }
  add(address: string): void {
    this.removed.delete(address);
    this.added.add(address);
  }
  delete(address: string): void {
    this.added.delete(address);
    this.removed.add(address);
  }
}

/** Counts per address: two VPCs of a region may hold the same private address. */
type Counts = Map<string, number>;

interface Filed {
  region: string;
  subnetId?: string;
  privates: string[];
  publics: string[];
}

function add(counts: Counts, key: string, by: number): void {
  const count = (counts.get(key) ?? 0) + by;
  if (count > 0) counts.set(key, count);
  else counts.delete(key);
}

function mapOf<V>(maps: Map<string, V>, key: string, make: () => V): V {
  let value = maps.get(key);
  if (value === undefined) maps.set(key, (value = make()));
  return value;
}

class AddressIndex {
  private readonly privates = new Map<string, Counts>();
  private readonly publics = new Map<string, Counts>();
  private readonly usedBySubnet = new Map<string, number>();
  private readonly filed = new Map<string, Filed>();
  /** Changed ids, with the command that changed them. */
  private readonly stale = new Map<string, number>();
  /** Ids changed by the command running now, read again at every lookup until it ends. */
  private readonly changing = new Set<string>();
  private command = -1;
  private everything = true;

  constructor(
    private readonly interfaces: Repository<NetworkInterfaceRecord>,
    private readonly addresses: Repository<AddressRecord>,
  ) {
    for (const [prefix, repository] of [
      ['eni', interfaces],
      ['eip', addresses],
    ] as const) {
      (repository as Repository<object>).watch((id) => {
        if (id === undefined) this.everything = true;
        else if (!this.everything) this.stale.set(`${prefix}:${id}`, interfaces.currentCommand());
      });
    }
  }

  privateIn(region: string): Counts {
    this.refresh();
    return mapOf(this.privates, region, () => new Map());
  }

  publicIn(region: string): Counts {
    this.refresh();
    return mapOf(this.publics, region, () => new Map());
  }

  usedIn(subnetId: string): number {
    this.refresh();
    return this.usedBySubnet.get(subnetId) ?? 0;
  }

  private refresh(): void {
    if (this.everything) {
      this.everything = false;
      this.stale.clear();
      this.changing.clear();
      this.privates.clear();
      this.publics.clear();
      this.usedBySubnet.clear();
      this.filed.clear();
      for (const id of this.interfaces.keys()) this.file(`eni:${id}`);
      for (const id of this.addresses.keys()) this.file(`eip:${id}`);
    }
    // Records a finished command changed are final now: read once more, then like any other.
    const command = this.interfaces.currentCommand();
    if (command !== this.command) {
      for (const key of this.changing) this.stale.set(key, this.command);
      this.changing.clear();
      this.command = command;
    }
    for (const [key, changedIn] of this.stale) {
      if (changedIn === command) this.changing.add(key);
      else this.refile(key);
    }
    this.stale.clear();
    for (const key of this.changing) this.refile(key);
  }

  private refile(key: string): void {
    this.unfile(key);
    this.file(key);
  }

  private file(key: string): void {
    const id = key.slice(4);
    let filed: Filed | undefined;
    if (key.startsWith('eni:')) {
      const eni = this.interfaces.get(id);
      if (eni)
        filed = {
          region: eni.region,
          subnetId: eni.subnetId,
          privates: privateAddressesOf(eni),
          publics: eni.publicIp ? [eni.publicIp] : [],
        };
    } else {
      const address = this.addresses.get(id);
      if (address) filed = { region: address.region, privates: [], publics: [address.publicIp] };
    }
    if (!filed) return;
    this.count(filed, 1);
    this.filed.set(key, filed);
  }

  private unfile(key: string): void {
    const filed = this.filed.get(key);
    if (!filed) return;
    this.count(filed, -1);
    this.filed.delete(key);
  }

  private count(filed: Filed, by: number): void {
    const privates = mapOf(this.privates, filed.region, () => new Map());
    const publics = mapOf(this.publics, filed.region, () => new Map());
    for (const address of filed.privates) add(privates, address, by);
    for (const address of filed.publics) add(publics, address, by);
    if (filed.subnetId !== undefined) add(this.usedBySubnet, filed.subnetId, by * filed.privates.length);
  }
}

const indexes = new WeakMap<object, AddressIndex>();

function addressIndexOf(ctx: EngineContext): AddressIndex {
  const interfaces = ctx.records(NETWORK_INTERFACES);
  let index = indexes.get(interfaces);
  if (!index) indexes.set(interfaces, (index = new AddressIndex(interfaces, ctx.records(ADDRESSES))));
  return index;
}

export interface TakenAddresses {
  private: AddressSet;
  public: AddressSet;
}

/** The region's taken addresses, for one command to allocate from (what it adds stays its own). */
export function takenAddresses(ctx: EngineContext, region: string): TakenAddresses {
  const index = addressIndexOf(ctx);
  return {
    private: new ScratchAddresses(index.privateIn(region)),
    public: new ScratchAddresses(index.publicIn(region)),
  };
}

/** How many private addresses the subnet has handed out. */
export function addressesUsedIn(ctx: EngineContext, subnetId: string): number {
  return addressIndexOf(ctx).usedIn(subnetId);
}

/** The addresses a subnet of this CIDR block can ever hand out: its size less AWS's five. */
export function usableAddresses(cidrBlock: string): number {
  return 2 ** (32 - Number(cidrBlock.split('/')[1])) - 5;
}
