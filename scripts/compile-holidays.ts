import { writeFileSync } from "node:fs";
import { compileHolidays, holidayModuleSource } from "../infra/holidays/compile.js";

const table = holidayModuleSource(compileHolidays());
writeFileSync(new URL("../domain/public-holidays.data.ts", import.meta.url), table);
console.log(`domain/public-holidays.data.ts: ${table.length} bytes`);
