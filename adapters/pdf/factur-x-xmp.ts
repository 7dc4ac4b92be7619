/**
 * The XMP a Factur-X / ZUGFeRD PDF carries (Factur-X 1.07 / ZUGFeRD 2.3 spec, §6.2): the fx: properties
 * naming the embedded XML and its profile, and the PDF/A extension schema that declares them (PDF/A-3
 * allows only declared XMP properties). Built with xmlbuilder2 as rdf:Description elements that the
 * PDF's XMP packet takes in.
 */
import { fragment } from "xmlbuilder2";
import type { XMLBuilder } from "xmlbuilder2/lib/interfaces.js";

export const FACTUR_X_FILE_NAME = "factur-x.xml";
const FX = "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#";
const RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const XMLNS = "http://www.w3.org/2000/xmlns/";
const PDFA_EXTENSION = "http://www.aiim.org/pdfa/ns/extension/";
const PDFA_SCHEMA = "http://www.aiim.org/pdfa/ns/schema#";
const PDFA_PROPERTY = "http://www.aiim.org/pdfa/ns/property#";

export interface FacturXInfo {
  /** `INVOICE` (credit notes too: Factur-X has no other value for CII). */
  documentType: "INVOICE";
  /** The profile of the embedded XML. */
  conformanceLevel: "EN 16931";
  /** The fx: schema version; `1.0` for Factur-X 1.0x / ZUGFeRD 2.x. */
  version: "1.0";
}

type FxField = "DocumentFileName" | "DocumentType" | "Version" | "ConformanceLevel";

const PROPERTIES: Array<[name: FxField, description: string]> = [
  ["DocumentFileName", "The name of the embedded XML document"],
  ["DocumentType", "The type of the hybrid document in capital letters, e.g. INVOICE or ORDER"],
  ["Version", "The actual version of the standard applying to the embedded XML document"],
  ["ConformanceLevel", "The conformance level of the embedded XML document"],
];

function description(): XMLBuilder {
  return fragment().ele(RDF, "rdf:Description").att(RDF, "rdf:about", "");
}

/** The two rdf:Description elements, serialized, for `PdfA3Options.xmpDescriptions`. */
export function facturXXmp(info: FacturXInfo): string[] {
  const values: Record<FxField, string> = {
    DocumentFileName: FACTUR_X_FILE_NAME,
    DocumentType: info.documentType,
    Version: info.version,
    ConformanceLevel: info.conformanceLevel,
  };
  const fx = description().att(XMLNS, "xmlns:fx", FX);
  for (const [name] of PROPERTIES) fx.ele(FX, `fx:${name}`).txt(values[name]);

  const extension = description()
    .att(XMLNS, "xmlns:pdfaExtension", PDFA_EXTENSION)
    .att(XMLNS, "xmlns:pdfaSchema", PDFA_SCHEMA)
    .att(XMLNS, "xmlns:pdfaProperty", PDFA_PROPERTY);
  const schema = extension
    .ele(PDFA_EXTENSION, "pdfaExtension:schemas")
    .ele(RDF, "rdf:Bag")
    .ele(RDF, "rdf:li")
    .att(RDF, "rdf:parseType", "Resource");
  schema.ele(PDFA_SCHEMA, "pdfaSchema:schema").txt("Factur-X PDFA Extension Schema");
  schema.ele(PDFA_SCHEMA, "pdfaSchema:namespaceURI").txt(FX);
  schema.ele(PDFA_SCHEMA, "pdfaSchema:prefix").txt("fx");
  const list = schema.ele(PDFA_SCHEMA, "pdfaSchema:property").ele(RDF, "rdf:Seq");
  for (const [name, text] of PROPERTIES) {
    const property = list.ele(RDF, "rdf:li").att(RDF, "rdf:parseType", "Resource");
    property.ele(PDFA_PROPERTY, "pdfaProperty:name").txt(name);
    property.ele(PDFA_PROPERTY, "pdfaProperty:valueType").txt("Text");
    property.ele(PDFA_PROPERTY, "pdfaProperty:category").txt("external");
    property.ele(PDFA_PROPERTY, "pdfaProperty:description").txt(text);
  }
  return [fx.end({ prettyPrint: true }), extension.end({ prettyPrint: true })];
}
