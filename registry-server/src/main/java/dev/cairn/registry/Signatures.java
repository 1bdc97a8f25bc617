package dev.cairn.registry;

import dev.cairn.registry.project.ProjectRepository;
import dev.cairn.registry.signature.SignatureJudge;
import dev.cairn.registry.signature.SignatureRepository;
import dev.cairn.registry.signature.SignatureService;
import dev.cairn.registry.signature.SignatureStatus;
import dev.cairn.registry.signature.TrustMaterials;
import dev.cairn.registry.signature.TrustRepository;
import dev.cairn.registry.signature.TrustService;
import dev.cairn.registry.signature.UntrustedPointers;

/**
 * The signed-model parts every resource shares (issue 28): the trust policy, the signatures, and
 * the status that versions, aliases and resolutions show.
 */
record Signatures(
    TrustService trust,
    TrustMaterials materials,
    SignatureService signatures,
    SignatureStatus status) {

  static Signatures create(Kernel kernel, Catalog catalog, Meters meters) {
    TrustRepository trustRepository = new TrustRepository();
    TrustMaterials materials = new TrustMaterials(trustRepository);
    SignatureRepository signatureRepository = new SignatureRepository();
    SignatureJudge judge = new SignatureJudge();
    new UntrustedPointers(kernel.db(), materials, judge, signatureRepository)
        .observedBy(meters.domain());
    return new Signatures(
        new TrustService(
            kernel.db(), new ProjectRepository(), trustRepository, kernel.journal(), kernel.json()),
        materials,
        new SignatureService(
            kernel.db(), catalog.versions(), signatureRepository, materials, kernel.journal()),
        new SignatureStatus(kernel.db(), signatureRepository, materials, judge));
  }
}
