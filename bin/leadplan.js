#!/usr/bin/env node
import { runProcess } from "../dist/cli.js";

process.exitCode = await runProcess();
