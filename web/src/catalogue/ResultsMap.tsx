import "leaflet/dist/leaflet.css";
import L from "leaflet";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { mapTilesFrom } from "./map-tiles.js";

// The results on a map (Leaflet, raster tiles from the operator's tile server). Circle markers
// are drawn as SVG, so the map needs no marker images and no WebGL; without network the tiles
// stay blank and the markers, popups and list still work. The list is the accessible way through
// the results; the map adds where they are.

export interface MapPoint {
  id: string;
  title: string;
  place: string;
  latitude: number;
  longitude: number;
}

const tiles = mapTilesFrom(import.meta.env);
/** Trøndelag and Møre og Romsdal, when there is nothing to show. */
const region: L.LatLngTuple = [63.4, 9.5];

interface ResultsMapProps {
  points: readonly MapPoint[];
  origin: { name: string | null; latitude: number; longitude: number } | null;
}

export function ResultsMap({ points, origin }: ResultsMapProps) {
  const { t } = useTranslation();
  const element = useRef<HTMLElement>(null);
  const [failed, setFailed] = useState(false);
  // Redraw only when what is shown changes, not on every render of the page.
  const key = JSON.stringify([points.map((p) => [p.id, p.latitude, p.longitude]), origin]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for points and origin.
  useEffect(() => {
    if (!element.current) return;
    let map: L.Map | undefined;
    try {
      map = L.map(element.current, { scrollWheelZoom: false });
      L.tileLayer(tiles.url, { attribution: tiles.attribution, maxZoom: 17 }).addTo(map);
      const layer = L.featureGroup().addTo(map);
      for (const p of points) {
        const popup = document.createElement("div");
        const link = document.createElement("a");
        link.href = `/offers/${p.id}`;
        link.textContent = p.title;
        popup.append(link, document.createElement("br"), p.place);
        L.circleMarker([p.latitude, p.longitude], { radius: 8, className: "map-offer" })
          .bindPopup(popup)
          .bindTooltip(p.title)
          .addTo(layer);
      }
      if (origin)
        L.circleMarker([origin.latitude, origin.longitude], { radius: 6, className: "map-origin" })
          .bindTooltip(origin.name ?? t("catalogue.mapOrigin"))
          .addTo(layer);
      const bounds = layer.getBounds();
      if (bounds.isValid()) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 10 });
      else map.setView(region, 6);
      setFailed(false);
    } catch {
      setFailed(true);
    }
    return () => {
      map?.remove();
    };
  }, [key, t]);

  return (
    <figure className="results-map">
      <section
        ref={element}
        className="results-map-canvas"
        aria-label={t("catalogue.mapLabel")}
        data-markers={points.length}
      />
      <figcaption className="hint">
        {failed ? t("catalogue.mapUnavailable") : t("catalogue.mapNote")}
      </figcaption>
    </figure>
  );
}
