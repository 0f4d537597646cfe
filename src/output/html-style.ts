// The page's only style sheet, inline: system fonts, colours from the reader's light or dark
// setting, tables that scroll inside their own box so the page never scrolls sideways.
export const HTML_STYLE = `
:root { color-scheme: light dark; --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --head: #f6f8fa;
  --bar: #0969da; --base: #8250df; --range: #59636e; --ok: #1a7f37; --bad: #d1242f; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --head: #151b23;
    --bar: #4493f8; --base: #ab7df8; --range: #9198a1; --ok: #3fb950; --bad: #f85149; }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 76rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.4rem; margin: 0.5rem 0; }
h2 { font-size: 1.1rem; margin: 2rem 0 0.5rem; }
h1, h2, p, li, figcaption, footer { overflow-wrap: anywhere; }
.answer { font-size: 1.1rem; }
.answer strong { font-variant-numeric: tabular-nums; }
.scroll { overflow-x: auto; max-width: 100%; }
.scroll:focus-visible { outline: 2px solid var(--bar); }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; font-size: 0.9rem; }
th, td { padding: 0.35rem 0.5rem; border-bottom: 1px solid var(--line); text-align: right; white-space: nowrap; vertical-align: top; }
thead th { background: var(--head); vertical-align: bottom; white-space: normal; min-width: 4.5rem; }
th[scope="row"] { font-weight: 600; white-space: normal; min-width: 9rem; max-width: 22rem; overflow-wrap: anywhere; }
th[scope="row"], .text { text-align: left; }
td .aside { display: block; font-size: 0.8rem; color: var(--muted); }
tr.phase th[scope="row"] { font-weight: normal; padding-left: 1.6rem; color: var(--muted); }
ul { padding-left: 1.2rem; margin: 0.25rem 0; }
ul.lines { list-style: none; padding-left: 0; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.85rem; }
ul.lines li { padding-left: 1.5rem; text-indent: -1.5rem; }
ul.lines li.d1 { padding-left: 3rem; }
li + li { margin-top: 0.2rem; }
.muted, footer { color: var(--muted); }
footer { margin-top: 2.5rem; font-size: 0.85rem; }
figure { margin: 0; }
svg.chart { display: block; width: 100%; overflow: hidden; }
svg.chart text { fill: var(--fg); font-size: 13px; }
svg.chart text.value { fill: var(--muted); }
.bar { fill: var(--bar); }
.bar.base { fill: var(--base); }
.marker { stroke: var(--base); stroke-width: 1.5; stroke-dasharray: 4 3; }
.range { stroke: var(--range); stroke-width: 1.5; }
.pass { color: var(--ok); }
.fail { color: var(--bad); font-weight: 600; }
`;
