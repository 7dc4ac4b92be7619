import * as z from "zod/mini";
import { isHolidayRegion } from "../../domain/public-holidays.js";

/**
 * A holiday region code such as `DE` or `DE-BY` that the compiled holiday table knows. Its own module,
 * so that only the handlers that take one carry the table.
 */
export const holidayRegionSchema = z
  .string()
  .check(
    z.regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, "must be like DE or DE-BY"),
    z.refine(isHolidayRegion, "must be a holiday region KoAd knows (DE, AT, CH or one of their states)"),
  );
