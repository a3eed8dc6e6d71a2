#!/usr/bin/env node
// Entry of `casella`. No static import of ink here: chalk reads FORCE_COLOR when ink loads,
// and chalk ignores NO_COLOR, so the environment is fixed first and the app loaded after.
if (process.env.NO_COLOR) process.env.FORCE_COLOR = '0';
// React's production build: about half the keypress-to-frame time of the development one (bench/tui-render.ts).
process.env.NODE_ENV ??= 'production';

const { main } = await import('./cli/main.tsx');
process.exitCode = await main(process.argv.slice(2));
