package dev.cairn.signing;

/** The DSSE envelope of an OMS bundle: the statement bytes and the one signature over them. */
public record DsseEnvelope(String payloadType, byte[] payload, byte[] signature) {

  /** The bytes the signature covers. */
  public byte[] pae() {
    return Dsse.pae(payloadType, payload);
  }
}
