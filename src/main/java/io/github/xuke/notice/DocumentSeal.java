package io.github.xuke.notice;

import io.github.xuke.system.XukeProperties;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Hashtable;
import java.util.Map;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.springframework.stereotype.Component;

/**
 * The bureau's digital signature on its documents (先批后签 made real): a PAdES signature
 * ({@code /SubFilter /ETSI.CAdES.detached}) over the whole PDF, appended as an incremental update, its
 * CMS made by BouncyCastle with the key of {@link BureauKeystore} — SHA-256 with RSA, the signer's
 * certificate bound by the {@code signing-certificate-v2} attribute and no {@code signing-time}
 * attribute (PAdES puts the time in the signature dictionary's {@code /M}).
 */
@Component
public class DocumentSeal {

  private final BureauKeystore keystore;
  private final String bureau;

  public DocumentSeal(XukeProperties properties) {
    this.keystore = BureauKeystore.open(properties);
    this.bureau = properties.licence().issuerName();
  }

  /** The certificate the documents are signed with (the bureau's, or the demo's). */
  public X509Certificate certificate() {
    return keystore.certificate();
  }

  /**
   * The PDF signed: who signs (shown by PDF readers), why, at what time. The bytes of the PDF as given
   * stay the signed revision's start, so the signature covers the whole document as printed.
   */
  public byte[] sign(byte[] pdf, String signer, String reason, Instant at) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDSignature signature = new PDSignature();
      signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
      signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
      signature.setName(signer);
      signature.setLocation(bureau);
      signature.setReason(reason);
      Calendar time = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
      time.setTimeInMillis(at.toEpochMilli());
      signature.setSignDate(time);
      try (SignatureOptions options = new SignatureOptions()) {
        options.setPreferredSignatureSize(SignatureOptions.DEFAULT_SIGNATURE_SIZE * 2);
        document.addSignature(signature, content -> cms(content.readAllBytes()), options);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.saveIncremental(out);
        return out.toByteArray();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot sign the document", e);
    }
  }

  private byte[] cms(byte[] signedContent) throws IOException {
    try {
      X509Certificate certificate = keystore.certificate();
      JcaSignerInfoGeneratorBuilder signerInfo =
          new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build());
      signerInfo.setSignedAttributeGenerator(new WithoutSigningTime(signingCertificate(certificate)));
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(signerInfo.build(
          new JcaContentSignerBuilder("SHA256withRSA").build(keystore.key), certificate));
      generator.addCertificates(new JcaCertStore(Arrays.asList(keystore.chain)));
      return generator.generate(new CMSProcessableByteArray(signedContent), false).getEncoded();
    } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
      throw new IOException("cannot make the CMS signature", e);
    }
  }

  /** ESS signing-certificate-v2: the SHA-256 of the signer's certificate, with its issuer and serial. */
  private static AttributeTable signingCertificate(X509Certificate certificate)
      throws GeneralSecurityException, CertificateEncodingException {
    byte[] hash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
    IssuerSerial issuerSerial = new IssuerSerial(
        new GeneralNames(new GeneralName(X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()))),
        certificate.getSerialNumber());
    ESSCertIDv2 id = new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), hash, issuerSerial);
    ASN1EncodableVector attributes = new ASN1EncodableVector();
    attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
        new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {id}))));
    return new AttributeTable(attributes);
  }

  /** BouncyCastle's standard signed attributes, without {@code signing-time} (PAdES baseline). */
  private static final class WithoutSigningTime implements CMSAttributeTableGenerator {
    private final DefaultSignedAttributeTableGenerator standard;

    WithoutSigningTime(AttributeTable attributes) {
      this.standard = new DefaultSignedAttributeTableGenerator(attributes);
    }

    @Override
    public AttributeTable getAttributes(@SuppressWarnings("rawtypes") Map parameters) {
      Hashtable<ASN1ObjectIdentifier, Object> table = standard.getAttributes(parameters).toHashtable();
      table.remove(CMSAttributes.signingTime);
      return new AttributeTable(table);
    }
  }
}
