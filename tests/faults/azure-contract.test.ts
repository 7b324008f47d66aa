import { describeAzureContract } from "../integration/store/azure-contract-run.ts";

// The import of a 10,000-action plan, whose writes must all be Azure-sized, with the rest of a run.
describeAzureContract({ size: 10_000, timeoutMs: 600_000, everything: true });
