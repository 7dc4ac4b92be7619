import { writeFileSync } from "node:fs";
import { compileHolidays, holidayModuleSource } from "../infra/holidays/compile.js";

const source = holidayModuleSource(compileHolidays());
writeFileSync(new URL("../domain/public-holidays.data.ts", import.meta.url), source);
console.log(`domain/public-holidays.data.ts: ${source.length} bytes`);
