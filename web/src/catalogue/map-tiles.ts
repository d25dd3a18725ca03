// The catalogue map's background tiles. An operator sets VITE_MAP_TILE_URL (an XYZ template with
// {z}, {x} and {y}) and VITE_MAP_TILE_ATTRIBUTION when building or serving the web app; the
// Content-Security-Policy's img-src then allows that origin (vite.config.ts, and the nginx
// template in production). The default is Kartverket's open topographic map of Norway (CC BY 4.0,
// no key). Read by vite.config.ts too, so keep it free of browser-only code.

export interface MapTiles {
  url: string;
  attribution: string;
}

export const defaultMapTiles: MapTiles = {
  url: "https://cache.kartverket.no/v1/wmts/1.0.0/topo/default/webmercator/{z}/{y}/{x}.png",
  attribution: "© Kartverket",
};

export function mapTilesFrom(env: Record<string, string | undefined>): MapTiles {
  return {
    url: env.VITE_MAP_TILE_URL || defaultMapTiles.url,
    attribution: env.VITE_MAP_TILE_ATTRIBUTION || defaultMapTiles.attribution,
  };
}

/** The origin the tiles come from, for the Content-Security-Policy's img-src. */
export function tileOrigin(tiles: MapTiles): string {
  return new URL(tiles.url.replace(/\{[^}]*\}/g, "0")).origin;
}
