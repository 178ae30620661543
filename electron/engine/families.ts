/**
 * Every resource family of the lab, in one list. The engine derives from it the collections it
 * keeps, the EC2 handler table, what CreateTags can tag, how imported records are checked and which
 * request members name resources in the activity log. A new family is one folder and one line here.
 */
import { ACTIVITY_FAMILY } from './activity/activity-family';
import { ADDRESSES_FAMILY } from './addresses/addresses-family';
import { CATALOG_FAMILY } from './catalog/catalog-family';
import { INSTANCES_FAMILY } from './instances/instances-family';
import { INTERNET_GATEWAYS_FAMILY } from './internet-gateways/internet-gateways-family';
import { KEY_PAIRS_FAMILY } from './key-pairs/key-pairs-family';
import { LAUNCH_TEMPLATES_FAMILY } from './launch-templates/launch-templates-family';
import { SETTINGS_FAMILY } from './lab/lab-settings';
import { NETWORK_ACLS_FAMILY } from './network-acls/network-acls-family';
import { SECURITY_GROUPS_FAMILY } from './security-groups/security-groups-family';
import { NETWORK_INTERFACES_FAMILY } from './network-interfaces/network-interfaces-family';
import type { ResourceCollection } from './resource-collection';
import type { ResourceFamily } from './resource-family';
import { ROUTE_TABLES_FAMILY } from './route-tables/route-tables-family';
import { SUBNETS_FAMILY } from './subnets/subnets-family';
import { TAGS_FAMILY } from './tags/tags-family';
import { VOLUMES_FAMILY } from './volumes/volumes-family';
import { DISK_BLOBS_FAMILY } from './volumes/disk-blob-record';
import { DISK_CONTENTS_FAMILY } from './volumes/disk-contents-record';
import { SNAPSHOTS_FAMILY } from './snapshots/snapshots-family';
import { IMAGES_FAMILY } from './images/images-family';
import { VPCS_FAMILY } from './vpcs/vpcs-family';

export const FAMILIES = [
  INSTANCES_FAMILY,
  VOLUMES_FAMILY,
  SNAPSHOTS_FAMILY,
  IMAGES_FAMILY,
  DISK_CONTENTS_FAMILY,
  DISK_BLOBS_FAMILY,
  NETWORK_INTERFACES_FAMILY,
  ADDRESSES_FAMILY,
  VPCS_FAMILY,
  SUBNETS_FAMILY,
  INTERNET_GATEWAYS_FAMILY,
  ROUTE_TABLES_FAMILY,
  NETWORK_ACLS_FAMILY,
  KEY_PAIRS_FAMILY,
  SECURITY_GROUPS_FAMILY,
  LAUNCH_TEMPLATES_FAMILY,
  CATALOG_FAMILY,
  TAGS_FAMILY,
  ACTIVITY_FAMILY,
  SETTINGS_FAMILY,
] as const;

/** The regional AWS resource collections (those with ids and regions), for tags and lookups by id. */
export const RESOURCE_COLLECTIONS: readonly ResourceCollection<object>[] = FAMILIES.flatMap((family: ResourceFamily) =>
  family.collection && 'idPrefix' in family.collection ? [family.collection] : [],
);

/** The request members that name resources and the answer members that carry created ones, for the activity log. */
export const ACTIVITY_ID_KEYS = {
  request: FAMILIES.flatMap((family: ResourceFamily) => [...(family.activityIdKeys ?? [])]),
  created: FAMILIES.flatMap((family: ResourceFamily) => (family.createdIdKey ? [family.createdIdKey] : [])),
};
