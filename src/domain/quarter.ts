import { z } from "zod";

/**
 * A UK financial-year quarter, `YYYY-Qn`, where YYYY is the year the financial year starts:
 * 2026-Q1 = April–June 2026, 2026-Q4 = January–March 2027.
 */
export const QuarterSchema = z
  .string()
  .regex(/^\d{4}-Q[1-4]$/, "a quarter such as 2026-Q3 (financial year starting 2026, Oct–Dec)");
export type Quarter = string;
