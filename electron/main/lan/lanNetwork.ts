/**
 * The network interfaces the facilitator can open a round on: IPv4 only (every
 * phone can reach those; link-local IPv6 needs zone ids no QR code can carry).
 * Labels stay technical ("wlan0 – 192.168.1.20"); the renderer words the
 * loopback entry ("Nur dieser Computer") itself from `loopback: true`.
 */
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import type { LanInterface } from '../../shared/lanContract';

export const LOOPBACK_INTERFACE: LanInterface = {
  id: 'loopback',
  label: 'Loopback – 127.0.0.1',
  address: '127.0.0.1',
  loopback: true,
};

type InterfaceMap = NodeJS.Dict<NetworkInterfaceInfo[]>;

/** Real interfaces first (in the order of the system), loopback last and always there. */
export function listLanInterfaces(source: InterfaceMap = networkInterfaces()): LanInterface[] {
  const found: LanInterface[] = [];
  for (const [name, infos] of Object.entries(source)) {
    for (const info of infos ?? []) {
      // Node 18.0–18.3 reported the family as a number.
      const family = info.family as string | number;
      if ((family !== 'IPv4' && family !== 4) || info.internal) continue;
      // 169.254.x.x: no DHCP answered; phones cannot reach it.
      if (info.address.startsWith('169.254.')) continue;
      found.push({
        id: `${name}:${info.address}`,
        label: `${name} – ${info.address}`,
        address: info.address,
        loopback: false,
      });
    }
  }
  return [...found, LOOPBACK_INTERFACE];
}
