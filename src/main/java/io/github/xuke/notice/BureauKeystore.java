package io.github.xuke.notice;

import io.github.xuke.system.XukeProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bureau's signing key and certificate chain, from the PKCS#12 keystore of
 * {@code xuke.signature.*}. Without one, a demo keystore is made once in the data folder: a 3072-bit RSA
 * key and a self-signed certificate in the bureau's name, marked as a demo, its random password in a
 * file beside it. A real installation installs the bureau's own keystore (README).
 */
final class BureauKeystore {

  static final String DEMO_ALIAS = "bureau-seal";
  private static final Logger log = LoggerFactory.getLogger(BureauKeystore.class);

  final PrivateKey key;
  final Certificate[] chain;

  private BureauKeystore(PrivateKey key, Certificate[] chain) {
    this.key = key;
    this.chain = chain;
  }

  X509Certificate certificate() {
    return (X509Certificate) chain[0];
  }

  static BureauKeystore open(XukeProperties properties) {
    XukeProperties.Signature settings = properties.signature();
    Path path = properties.signatureKeystore();
    boolean configured = settings.keystore() != null && !settings.keystore().toString().isBlank();
    try {
      char[] password;
      String alias = settings.alias() == null || settings.alias().isBlank() ? null : settings.alias();
      if (configured) {
        if (!Files.isReadable(path)) {
          throw new IllegalStateException("the signature keystore " + path + " (xuke.signature.keystore) cannot be read");
        }
        password = settings.password() == null ? new char[0] : settings.password().toCharArray();
      } else {
        Path passwordFile = path.resolveSibling(path.getFileName() + ".password");
        if (!Files.exists(path)) {
          createDemo(path, passwordFile, properties.licence().issuerName());
        }
        password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip().toCharArray();
        alias = alias == null ? DEMO_ALIAS : alias;
      }
      KeyStore store = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(path)) {
        store.load(in, password);
      }
      if (alias == null) {
        alias = Collections.list(store.aliases()).stream().filter(name -> isKey(store, name)).findFirst()
            .orElseThrow(() -> new IllegalStateException("the signature keystore " + path + " holds no private key"));
      }
      if (!store.isKeyEntry(alias)) {
        throw new IllegalStateException("the signature keystore " + path + " has no key named " + alias);
      }
      PrivateKey key = (PrivateKey) store.getKey(alias, password);
      Certificate[] chain = store.getCertificateChain(alias);
      log.info("Documents are signed with the key '{}' of {} ({}){}", alias, path,
          ((X509Certificate) chain[0]).getSubjectX500Principal().getName(), configured ? "" : " — a demo keystore");
      return new BureauKeystore(key, chain);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot open the signature keystore " + path + ": " + e.getMessage(), e);
    }
  }

  private static boolean isKey(KeyStore store, String alias) {
    try {
      return store.isKeyEntry(alias);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** The demo keystore, written beside its password file; a second node finding it made keeps it. */
  private static void createDemo(Path path, Path passwordFile, String bureau)
      throws IOException, GeneralSecurityException {
    Files.createDirectories(path.toAbsolutePath().getParent());
    SecureRandom random = new SecureRandom();
    byte[] secret = new byte[24];
    random.nextBytes(secret);
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(3072, random);
    KeyPair pair = generator.generateKeyPair();
    X500Name name = new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.C, "CN")
        .addRDN(BCStyle.O, bureau)
        .addRDN(BCStyle.CN, bureau + "（演示签章，非正式证书）")
        .build();
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, new BigInteger(64, random),
        Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), name, pair.getPublic());
    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    X509Certificate certificate;
    try {
      certificate = new JcaX509CertificateConverter().getCertificate(
          builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException(e);
    }
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry(DEMO_ALIAS, pair.getPrivate(), password.toCharArray(), new Certificate[] {certificate});
    Path keystoreTemp = Files.createTempFile(path.toAbsolutePath().getParent(), "bureau-seal", ".tmp");
    Path passwordTemp = Files.createTempFile(path.toAbsolutePath().getParent(), "bureau-seal", ".tmp");
    try (OutputStream out = Files.newOutputStream(keystoreTemp)) {
      store.store(out, password.toCharArray());
    }
    Files.writeString(passwordTemp, password + "\n", StandardCharsets.UTF_8);
    Files.move(passwordTemp, passwordFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    Files.move(keystoreTemp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    log.warn("Made a demo signature keystore {} with a self-signed certificate for {}: install the bureau's own "
        + "(xuke.signature.keystore, see the README)", path, bureau);
  }
}
