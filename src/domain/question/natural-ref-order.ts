// Ref order is one rule for the whole product; questions read it from there.
export { compareRefs } from "../ref-order.ts";
