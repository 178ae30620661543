/** English messages: the Instance Types and AMIs pages (the console's own words). */
export const catalogEn = {
  instanceTypes: {
    title: 'Instance types',
    find: 'Find instance types',
    ebsOnly: 'EBS only',
    columns: {
      type: 'Instance type',
      category: 'Family',
      vcpus: 'vCPUs',
      architecture: 'Architecture',
      memory: 'Memory (GiB)',
      storage: 'Instance storage',
      network: 'Network performance',
      price: 'On-Demand Linux pricing',
    },
    categories: {
      general: 'General purpose',
      compute: 'Compute optimized',
      memory: 'Memory optimized',
      storage: 'Storage optimized',
      accelerated: 'Accelerated computing',
      hpc: 'High performance computing',
      other: 'Other',
    },
  },
  amis: {
    title: 'Amazon Machine Images (AMIs)',
    find: 'Find AMI by attribute or tag',
    columns: {
      name: 'AMI name',
      id: 'AMI ID',
      architecture: 'Architecture',
      platform: 'Platform',
      rootDevice: 'Root device type',
      owner: 'Owner alias',
      created: 'Creation date',
    },
  },
};
