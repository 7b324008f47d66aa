import { runStartupBench } from "./startup-to-healthy.ts";
console.log(await runStartupBench({ actions: 1 }));
