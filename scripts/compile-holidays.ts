import { writeFileSync } from "node:fs";
import {
  compileHolidays,
  holidayModuleSource,
  holidayRegionsModuleSource,
} from "../infra/holidays/compile.js";

const compiled = compileHolidays();
const table = holidayModuleSource(compiled);
writeFileSync(new URL("../domain/public-holidays.data.ts", import.meta.url), table);
writeFileSync(
  new URL("../domain/holiday-regions.data.ts", import.meta.url),
  holidayRegionsModuleSource(compiled),
);
console.log(`domain/public-holidays.data.ts: ${table.length} bytes; domain/holiday-regions.data.ts written`);
