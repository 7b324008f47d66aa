import { describeAzureContract } from "./azure-contract-run.ts";

// 250 actions: more than one full batch, and quick; tests/faults/azure-contract.test.ts runs 10,000.
describeAzureContract({ size: 250, timeoutMs: 120_000, everything: false });
