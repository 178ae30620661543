/** English messages: the EC2 Dashboard (the console's own words). */
export const dashboardEn = {
  dashboard: {
    title: 'EC2 Dashboard',
    resources: 'Resources',
    resourcesIn: 'You are using the following Amazon EC2 resources in {region}:',
    runningInstances: 'Instances (running)',
    instances: 'Instances',
    launchTitle: 'Launch instance',
    launchText: 'To get started, launch an Amazon EC2 instance, which is a virtual server in the cloud.',
    launch: 'Launch instance',
    health: 'Service health',
    region: 'Region',
    zones: 'Zones',
    zoneName: 'Zone name',
    zoneId: 'Zone ID',
    zoneStatus: 'Status',
    zoneOk: 'Zone is operating normally',
    clock: 'Lab clock',
    clockSpeed: 'Speed: {speed}',
    clockHint: 'Instances change state on the lab clock. Speed it up, or skip ahead, to finish transitions sooner.',
  },
};
