/**
 * SVG -> PNG, offline: @resvg/resvg-js ships its native renderer inside the npm package.
 * Loaded on first use only, so that commands which draw nothing never load it.
 */

/** Renders `svg` at `width` pixels wide (height follows the aspect ratio). */
export async function svgToPng(svg: string, width = 1200): Promise<Uint8Array> {
  const { Resvg } = await import("@resvg/resvg-js");
  const png = new Resvg(svg, { fitTo: { mode: "width", value: width }, font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" } }).render().asPng();
  return new Uint8Array(png);
}
