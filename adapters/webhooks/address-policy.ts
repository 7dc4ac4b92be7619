import { BlockList, isIP } from "node:net";

/**
 * Which IP addresses an outgoing webhook may connect to. Deployed, only public unicast addresses: a
 * webhook URL is typed by a customer's admin, and without this check it could reach the Lambda's own
 * metadata endpoint (169.254.169.254), the VPC, or loopback services.
 */
export type AddressClass =
  | "public"
  | "unspecified"
  | "loopback"
  | "private"
  | "link_local"
  | "shared" // CGNAT 100.64.0.0/10
  | "multicast"
  | "reserved"
  | "invalid";

interface Range {
  network: string;
  prefix: number;
  type: "ipv4" | "ipv6";
  class: Exclude<AddressClass, "public" | "invalid">;
}

// IANA special-purpose registries (RFC 6890 and successors): everything that is not globally routable
// unicast, plus the translation prefixes that embed an IPv4 address we would otherwise not check.
const RANGES: Range[] = [
  { network: "0.0.0.0", prefix: 8, type: "ipv4", class: "unspecified" },
  { network: "10.0.0.0", prefix: 8, type: "ipv4", class: "private" },
  { network: "100.64.0.0", prefix: 10, type: "ipv4", class: "shared" },
  { network: "127.0.0.0", prefix: 8, type: "ipv4", class: "loopback" },
  { network: "169.254.0.0", prefix: 16, type: "ipv4", class: "link_local" },
  { network: "172.16.0.0", prefix: 12, type: "ipv4", class: "private" },
  { network: "192.0.0.0", prefix: 24, type: "ipv4", class: "reserved" },
  { network: "192.0.2.0", prefix: 24, type: "ipv4", class: "reserved" },
  { network: "192.88.99.0", prefix: 24, type: "ipv4", class: "reserved" },
  { network: "192.168.0.0", prefix: 16, type: "ipv4", class: "private" },
  { network: "198.18.0.0", prefix: 15, type: "ipv4", class: "reserved" },
  { network: "198.51.100.0", prefix: 24, type: "ipv4", class: "reserved" },
  { network: "203.0.113.0", prefix: 24, type: "ipv4", class: "reserved" },
  { network: "224.0.0.0", prefix: 4, type: "ipv4", class: "multicast" },
  { network: "240.0.0.0", prefix: 4, type: "ipv4", class: "reserved" },
  { network: "::", prefix: 128, type: "ipv6", class: "unspecified" },
  { network: "::1", prefix: 128, type: "ipv6", class: "loopback" },
  // IPv4-compatible (deprecated), NAT64, discard, Teredo, documentation, 6to4: all refused.
  { network: "::", prefix: 96, type: "ipv6", class: "reserved" },
  { network: "::ffff:0:0:0", prefix: 96, type: "ipv6", class: "reserved" },
  { network: "64:ff9b::", prefix: 96, type: "ipv6", class: "reserved" },
  { network: "64:ff9b:1::", prefix: 48, type: "ipv6", class: "reserved" },
  { network: "100::", prefix: 64, type: "ipv6", class: "reserved" },
  { network: "2001::", prefix: 23, type: "ipv6", class: "reserved" },
  { network: "2001:db8::", prefix: 32, type: "ipv6", class: "reserved" },
  { network: "2002::", prefix: 16, type: "ipv6", class: "reserved" },
  { network: "fc00::", prefix: 7, type: "ipv6", class: "private" },
  { network: "fe80::", prefix: 10, type: "ipv6", class: "link_local" },
  { network: "fec0::", prefix: 10, type: "ipv6", class: "reserved" },
  { network: "ff00::", prefix: 8, type: "ipv6", class: "multicast" },
];

const lists = RANGES.map((range) => {
  const list = new BlockList();
  list.addSubnet(range.network, range.prefix, range.type);
  return { range, list };
});

/** The IPv4 address an IPv4-mapped IPv6 address (`::ffff:a.b.c.d`, `::ffff:7f00:1`) stands for. */
export function unmapIpv4(address: string): string | null {
  const lower = address.toLowerCase();
  const dotted = /^(?:0{0,4}:){0,5}:?ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(lower);
  if (dotted && isIP(dotted[1]!) === 4) return dotted[1]!;
  const hex = /^(?:0{0,4}:){0,5}:?ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (!hex) return null;
  const high = Number.parseInt(hex[1]!, 16);
  const low = Number.parseInt(hex[2]!, 16);
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join(".");
}

/** The class of an IP address literal (no brackets); `invalid` when it is not one. */
export function classifyAddress(address: string): AddressClass {
  const version = isIP(address);
  if (version === 0) return "invalid";
  if (version === 6) {
    // A mapped address reaches the IPv4 host it embeds: judge it by that address.
    const mapped = unmapIpv4(address);
    if (mapped !== null) return classifyAddress(mapped);
  }
  const type = version === 4 ? "ipv4" : "ipv6";
  for (const { range, list } of lists) {
    if (range.type === type && list.check(address, type)) return range.class;
  }
  return "public";
}

export function isPublicAddress(address: string): boolean {
  return classifyAddress(address) === "public";
}
