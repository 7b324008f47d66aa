import { z } from "zod";

/** The plan's three ratings, in the order the plan's key lists them. */
export const RAGS = ["Red", "Amber", "Green"] as const;
export const RagSchema = z.enum(RAGS);
export type Rag = z.infer<typeof RagSchema>;

/** The key to RAG rating exactly as the plan defines it (seed: Rutland plan 2022-23). */
export const RAG_KEY: Record<Rag, string> = {
  Red: "Timescale not being achieved",
  Amber: "Activity not yet commenced, or activity underway but at risk of not achieving",
  Green: "Activity underway and timescale being achieved, or completed",
};
