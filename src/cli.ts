#!/usr/bin/env node
// The `gazette` command: its subcommands live in cli/.
import './cli/cli.js'
