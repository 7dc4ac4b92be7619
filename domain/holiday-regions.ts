import { HOLIDAY_REGIONS } from "./holiday-regions.data.js";

const KNOWN = new Set(HOLIDAY_REGIONS);

/**
 * Whether KoAd knows the public holidays of a region (`DE`, `DE-BY`, `AT-9`, `CH-ZH`): the regions of
 * the compiled holiday table, kept in a module of their own so that validating one stays small.
 */
export function isHolidayRegion(region: string): boolean {
  return KNOWN.has(region);
}
