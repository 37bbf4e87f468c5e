import { BlockList } from 'node:net';

import type { MetricsAllowFrom } from '../lib/config';

function buildAllowList(allowFrom: MetricsAllowFrom): BlockList {
  const list = new BlockList();
  list.addSubnet('127.0.0.0', 8, 'ipv4');
  list.addAddress('::1', 'ipv6');
  if (allowFrom === 'private') {
    list.addSubnet('10.0.0.0', 8, 'ipv4');
    list.addSubnet('172.16.0.0', 12, 'ipv4');
    list.addSubnet('192.168.0.0', 16, 'ipv4');
    list.addSubnet('fc00::', 7, 'ipv6');
  }

  return list;
}

const allowLists: Record<MetricsAllowFrom, BlockList> = {
  loopback: buildAllowList('loopback'),
  private: buildAllowList('private'),
};
const IPV4_MAPPED = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i;

/** Whether a socket's peer address may read metrics: loopback, plus private ranges if allowed. */
export function isInternalAddress(
  address: string | undefined,
  allowFrom: MetricsAllowFrom,
): boolean {
  if (!address) {
    return false;
  }
  const list = allowLists[allowFrom];
  const ipv4 = IPV4_MAPPED.exec(address)?.[1];
  if (ipv4) {
    return list.check(ipv4, 'ipv4');
  }

  return list.check(address, address.includes(':') ? 'ipv6' : 'ipv4');
}
