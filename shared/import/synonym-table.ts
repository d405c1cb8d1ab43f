import type { ImportTarget } from './types';

export const SYNONYM_LANGUAGES = [
  'English',
  'German',
  'French',
  'Spanish',
  'Italian',
  'Dutch',
  'Polish',
  'Portuguese',
  'Swedish/Danish',
] as const;
export type SynonymLanguage = (typeof SYNONYM_LANGUAGES)[number];

/**
 * Column headers seen in stock sheets, per target and language, written as people type them
 * (header-synonyms.ts normalises them). A trailing `*` marks a word too generic to count when it
 * is only part of a longer header: "Product" alone is the product's name, "Product type" is not.
 *
 * Sources: the headers of OpenBoxes' inventory templates (Lot number, Expiration date, Physical QOH),
 * wording printed on EU packs under Directive 2001/83/EC art. 54 ("Ch.-B.", "Verw. bis", "Lot",
 * "EXP", "Nr serii", "Data ważności"), and the Excel exports of European wholesaler systems.
 * PZN, CIP, AIC and CN are national article numbers, not GTINs, so they are product codes.
 */
type Table = Record<ImportTarget, Partial<Record<SynonymLanguage, string>>>;

export const SYNONYM_TABLE: Table = {
  ndc: {
    English: 'NDC|NDC code|NDC number|NDC no|NDC #|National Drug Code|NDC11|NDC 11|NDC10|NDC 10|Package NDC|NDC package code|11 digit NDC|NDC 11 digit',
  },
  gtin: {
    English: 'GTIN|GTIN-14|GTIN14|GTIN-13|GTIN code|Item GTIN|UPC|UPC code|UPC-A|EAN|EAN code|EAN-13|EAN13|Barcode|Bar code|GS1 code',
    German: 'Strichcode|EAN-Nr|EAN Nummer',
    French: 'Code barre|Code-barres|Code à barres|CIP13|CIP 13',
    Spanish: 'Código de barras',
    Italian: 'Codice a barre',
    Dutch: 'Streepjescode',
    Polish: 'Kod kreskowy',
    'Swedish/Danish': 'Streckkod|Stregkode',
  },
  productCode: {
    English:
      'Product code|SKU|Item code|Item #|Item no|Item number|Item ID|Product ID|Product no|Product number|Part number|Part no|Catalog number|Catalogue number|Cat no|Code*|Ref*|Reference*|Article number|Article no|Material number|Stock code|Internal code',
    German: 'Artikelnummer|Art.-Nr.|Artikel-Nr.|Artnr|PZN|Materialnummer|Mat.-Nr.|Bestellnummer|Best.-Nr.|Artikelcode',
    French: 'Référence|Code article|Code produit|Réf article|CIP*|Code CIP|CIP7|Code interne',
    Spanish: 'Código*|Código de producto|Código producto|Cód*|Referencia*|Código artículo|Código de artículo|CN*|Código nacional',
    Italian: 'Codice*|Codice articolo|Codice prodotto|Cod. art.|Cod. articolo|AIC*|Codice AIC|Minsan|Codice Minsan',
    Dutch: 'Artikelnummer|Artikelcode|Productcode|ZI-nummer|ZI nr',
    Polish: 'Kod*|Kod produktu|Indeks*|Nr katalogowy|Kod towaru',
    Portuguese: 'CNP*',
    'Swedish/Danish': 'Artikelnummer|Varenummer|Varenr|Varunummer|Vnr',
  },
  productName: {
    English:
      'Name*|Product*|Product name|Item*|Item name|Item description|Description*|Product description|Drug*|Drug name|Medication|Medicine|Medicinal product|Brand name|Trade name|Generic name|Article*|Article name',
    German: 'Bezeichnung|Artikel*|Artikelbezeichnung|Produkt*|Produktname|Produktbezeichnung|Beschreibung*|Arzneimittel|Präparat|Handelsname|Medikament',
    French: 'Désignation|Libellé|Nom*|Nom du produit|Nom produit|Produit*|Médicament|Libellé produit|Dénomination',
    Spanish: 'Nombre*|Nombre del producto|Nombre producto|Producto*|Descripción*|Artículo*|Medicamento|Denominación',
    Italian: 'Descrizione*|Nome*|Nome prodotto|Prodotto*|Articolo*|Farmaco|Denominazione|Descrizione articolo',
    Dutch: 'Omschrijving|Naam*|Productnaam|Artikelomschrijving|Artikelnaam|Geneesmiddel|Benaming',
    Polish: 'Nazwa|Nazwa produktu|Nazwa leku|Opis*|Towar*|Lek*|Nazwa towaru',
    Portuguese: 'Nome*|Descrição*|Produto*|Nome do produto|Designação',
    'Swedish/Danish': 'Namn|Navn|Produktnamn|Produktnavn|Benämning|Beskrivning|Beskrivelse|Vara*|Vare*|Läkemedel|Lægemiddel',
  },
  manufacturer: {
    English: 'Manufacturer|Manufacturer name|Mfr|Mfg name|Maker|Labeler|Labeler name|Marketing authorisation holder|MAH*|Producer',
    German: 'Hersteller|Herstellername|Pharmazeutischer Unternehmer|Anbieter*',
    French: 'Fabricant|Laboratoire|Titulaire*',
    Spanish: 'Fabricante|Laboratorio',
    Italian: 'Produttore|Fabbricante|Ditta*|Azienda*',
    Dutch: 'Fabrikant',
    Polish: 'Producent|Wytwórca',
    'Swedish/Danish': 'Tillverkare',
  },
  strength: {
    English: 'Strength|Dose*|Dosage*|Concentration|Potency',
    German: 'Stärke|Wirkstärke|Dosierung|Konzentration|Wirkstoffstärke',
    French: 'Teneur',
    Spanish: 'Dosis|Concentración|Potencia',
    Italian: 'Dosaggio|Concentrazione',
    Dutch: 'Sterkte|Dosering|Concentratie',
    Polish: 'Moc*|Dawka|Stężenie',
    Portuguese: 'Dosagem|Concentração',
    'Swedish/Danish': 'Styrka|Styrke',
  },
  dosageForm: {
    English: 'Dosage form|Form*|Dose form|Formulation|Pharmaceutical form',
    German: 'Darreichungsform|Darreichung|Arzneiform',
    French: 'Forme*|Forme galénique|Forme pharmaceutique',
    Spanish: 'Forma*|Forma farmacéutica',
    Dutch: 'Toedieningsvorm|Farmaceutische vorm|Vorm*',
    Polish: 'Postać|Postać leku',
    'Swedish/Danish': 'Beredningsform|Läkemedelsform|Dispenseringsform',
  },
  lot: {
    English:
      'Lot|Lot #|Lot no|Lot number|Lot nr|Lot num|Lot code|Lot ID|Batch|Batch no|Batch #|Batch number|Batch nr|Batch code|Batch ID|Lot/Batch|Batch/Lot|Lot/Batch number|Batch/Lot number|Lot numbers',
    German: 'Charge*|Chargennummer|Chargen-Nr.|Charge-Nr.|Chargennr|Ch.-B.|ChB|Ch.-Nr.|Los*|Losnummer|Los-Nr.|Chargenbezeichnung',
    French: 'Numéro de lot|N° lot|No lot|Num lot|Lot n°',
    Spanish: 'Lote|Número de lote|Nº lote|N lote|Nro lote|Nro. de lote|Num lote',
    Italian: 'Lotto|Numero di lotto|Numero lotto|N. lotto',
    Dutch: 'Partij|Partijnummer|Lotnummer|Batchnummer',
    Polish: 'Partia|Numer partii|Nr partii|Seria*|Nr serii|Numer serii',
    Portuguese: 'Número do lote',
    'Swedish/Danish': 'Partinummer|Parti*|Batchnr',
  },
  expiry: {
    English:
      'Exp|Exp.|Exp date|Exp. date|Expiry|Expiry date|Expiration|Expiration date|Expires|Expire date|Use by|Use before|Best before|Best before date|BBD|Lot expiry|Lot expiration date|Expiry dt|Exp dt',
    German: 'Verfall|Verfalldatum|Verfallsdatum|Verfall am|Verw. bis|Verwendbar bis|Haltbar bis|Haltbarkeit|Haltbarkeitsdatum|MHD|Ablaufdatum|Ablauf*',
    French: 'Date de péremption|Péremption|Date d\'expiration|DLU|DLUO|Date limite d\'utilisation|Date limite|DLC|Date de validité|À utiliser avant',
    Spanish: 'Caducidad|Fecha de caducidad|Fecha caducidad|F. caducidad|Cad.*|Vencimiento|Fecha de vencimiento|Fecha vencimiento|Vto*|Fecha de expiración',
    Italian: 'Scadenza|Data di scadenza|Data scadenza|Scad.*',
    Dutch: 'Vervaldatum|Houdbaar tot|Houdbaarheidsdatum|THT|Uiterste gebruiksdatum|Houdbaarheid',
    Polish: 'Data ważności|Termin ważności|Ważny do|Ważność|Data przydatności|Termin przydatności',
    Portuguese: 'Validade|Data de validade|Prazo de validade|Data validade|Val.*',
    'Swedish/Danish': 'Utgångsdatum|Bäst före|Hållbarhet|Udløbsdato|Holdbarhed|Holdbar til|Anvendes inden|Sidste anvendelsesdato',
  },
  manufacturedOn: {
    English:
      'Mfg date|Mfg|Manufacture date|Manufacturing date|Manufactured|Manufactured on|Date of manufacture|MFD|MFD date|Production date|Prod date|Made on|Mfg dt|DOM*',
    German: 'Herstelldatum|Herstellungsdatum|Hergestellt am|Hergestellt|Herstellung*|Produktionsdatum|Prod.-Datum',
    French: 'Date de fabrication|Fabrication*|Fabriqué le|Date fab|Date de production',
    Spanish: 'Fecha de fabricación|Fabricación*|Fecha fabricación|F. fabricación|Fecha de elaboración|Elaboración*|Fecha de producción',
    Italian: 'Data di produzione|Data produzione|Data di fabbricazione|Produzione*|Fabbricazione*',
    Dutch: 'Productiedatum|Fabricagedatum|Productie datum',
    Polish: 'Data produkcji|Data wytworzenia',
    Portuguese: 'Data de fabricação|Fabricação*|Data de fabrico|Fabrico*',
    'Swedish/Danish': 'Tillverkningsdatum|Produktionsdato|Fremstillingsdato|Produktionsdatum',
  },
  quantity: {
    English:
      'Qty|Quantity|QOH|On hand|Qty on hand|Quantity on hand|Physical QOH|Count*|Counted|Counted qty|Count qty|Stock*|Stock qty|Stock on hand|SOH|Balance*|Physical count|Physical quantity|Qty counted|Pieces|Pcs|Total qty|Available*|Qty available|Units on hand',
    German: 'Menge|Anzahl|Bestand|Lagerbestand|Ist-Bestand|Istbestand|Istmenge|Ist-Menge|Stückzahl|Stk|Stück|Zählmenge|Zählbestand',
    French: 'Quantité|Qté|Qte|Quantité en stock|Nb*|Qté stock|Stock physique|Quantité physique',
    Spanish: 'Cantidad|Cant.*|Existencias|Existencia|Unidades',
    Italian: 'Quantità|Qtà|Qta|Giacenza|Pezzi|Pz*|Esistenza',
    Dutch: 'Aantal|Hoeveelheid|Voorraad|Stuks|Aantal stuks',
    Polish: 'Ilość|Stan*|Stan magazynowy|Liczba*|Sztuk|Szt',
    Portuguese: 'Quantidade|Qtd|Qtde|Estoque',
    'Swedish/Danish': 'Antal|Kvantitet|Mängd|Lagersaldo|Saldo*|Beholdning',
  },
  unit: {
    English: 'Unit*|UOM|Unit of measure|Units of measure|Unit of issue|Packaging unit|Pack unit|Dispensing unit|Base unit',
    German: 'Einheit|Mengeneinheit|ME*|VE*|Verpackungseinheit|Packungseinheit|Basiseinheit',
    French: 'Unité|Unité de mesure|UDM*',
    Spanish: 'Unidad|Unidad de medida|UM*',
    Italian: 'Unità|Unità di misura',
    Dutch: 'Eenheid|Maateenheid|Verpakkingseenheid',
    Polish: 'Jednostka|JM*|Jednostka miary',
    Portuguese: 'Unidade|Unidade de medida',
    'Swedish/Danish': 'Enhet|Enhed|Mängdenhet',
  },
  location: {
    English:
      'Location|Bin|Bin location|Bin loc|Loc*|Shelf|Storage location|Stock location|Warehouse location|Storage*|Position*|Rack*|Slot*|Zone*|Warehouse*',
    German: 'Lagerort|Lagerplatz|Platz*|Standort|Fach*|Regal*|Lagerfach|Ort*',
    French: 'Emplacement|Localisation|Magasin*|Dépôt*|Rayon*|Casier',
    Spanish: 'Ubicación|Almacén*|Estante|Localización',
    Italian: 'Ubicazione|Posizione*|Magazzino*|Scaffale|Collocazione',
    Dutch: 'Locatie|Opslaglocatie|Magazijnlocatie|Vak*|Stelling*|Plaats*|Magazijn*',
    Polish: 'Lokalizacja|Miejsce*|Miejsce składowania|Magazyn*|Półka',
    Portuguese: 'Localização|Local*|Armazém*|Prateleira',
    'Swedish/Danish': 'Plats*|Lagerplats|Placering|Hylla|Hylde|Lagerplads',
  },
  unitCost: {
    English: 'Unit cost|Cost*|Cost price|Purchase price|Landed cost|Average cost|Avg cost|Buy price|Cost per unit',
    German: 'Einkaufspreis|EK*|EK-Preis|Einstandspreis|Kosten*|Stückkosten|Apothekeneinkaufspreis|AEP*',
    French: 'Coût unitaire|Coût*|Prix d\'achat|Prix achat|Prix de revient',
    Spanish: 'Costo*|Coste*|Costo unitario|Coste unitario|Precio de compra|Precio de coste|Precio costo',
    Italian: 'Costo unitario|Prezzo di acquisto|Prezzo acquisto',
    Dutch: 'Kostprijs|Inkoopprijs',
    Polish: 'Koszt*|Cena zakupu|Koszt jednostkowy|Cena nabycia',
    Portuguese: 'Custo*|Custo unitário|Preço de custo|Preço de compra',
    'Swedish/Danish': 'Inköpspris|Kostpris|Indkøbspris|Kostnad*',
  },
  price: {
    English: 'Price|Unit price|Selling price|Sale price|Sales price|Retail price|List price|Sell price|MSRP|AWP',
    German: 'Preis|Verkaufspreis|VK*|VK-Preis|Apothekenverkaufspreis|AVP|Listenpreis|Stückpreis',
    French: 'Prix|Prix de vente|Prix unitaire|Prix public',
    Spanish: 'Precio|Precio de venta|Precio unitario|PVP',
    Italian: 'Prezzo|Prezzo di vendita|Prezzo unitario|Prezzo al pubblico',
    Dutch: 'Prijs|Verkoopprijs|Stukprijs',
    Polish: 'Cena|Cena sprzedaży|Cena jednostkowa',
    Portuguese: 'Preço|Preço de venda|Preço unitário',
    'Swedish/Danish': 'Pris|Försäljningspris|Salgspris',
  },
  notes: {
    English: 'Notes|Note|Comment|Comments|Remarks|Remark|Memo|Observation|Observations',
    German: 'Bemerkung|Bemerkungen|Kommentar|Notiz|Notizen|Anmerkung|Anmerkungen|Hinweis|Hinweise',
    French: 'Remarque|Remarques|Commentaire|Commentaires',
    Spanish: 'Comentario|Comentarios|Observaciones|Notas|Nota',
    Italian: 'Commento|Commenti|Osservazioni|Annotazioni',
    Dutch: 'Opmerking|Opmerkingen|Notities|Commentaar',
    Polish: 'Uwagi|Komentarz|Notatki',
    Portuguese: 'Observações',
    'Swedish/Danish': 'Anmärkning|Bemærkning|Noter|Anteckningar',
  },
};
