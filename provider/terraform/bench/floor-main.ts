/**
 * The entry of the benchmark's floor executable: the provider's single executable, whose provider
 * calls can be recorded and then answered from the recording (see recorded-answers.ts).
 */
import "../src/runtime-tuning.js";
import { startSingleExecutable } from "../src/single-executable-start.js";
import { recordedAnswers } from "./recorded-answers.js";

startSingleExecutable(() => {
  const wrapMethod = recordedAnswers(process.env);
  return wrapMethod ? { wrapMethod } : {};
});
