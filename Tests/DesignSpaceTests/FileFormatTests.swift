import DesignSpace
import Foundation
import Testing

@Suite struct FileFormatTests {
    func modelError(_ json: String) -> String {
        do {
            _ = try ModelDict.parse(Data(json.utf8), source: "m.json")
            return "accepted"
        } catch { return String(describing: error) }
    }

    func acceleratorError(_ yaml: String) -> String {
        do {
            _ = try AcceleratorFile.parse(yaml, source: "a.yaml")
            return "accepted"
        } catch { return String(describing: error) }
    }

    @Test func modelDictErrorsAreOneLineNamingTheField() {
        #expect(modelError("{") == "cannot read m.json: not valid JSON: line 1, column 2: the text ends inside an object")
        #expect(
            modelError(#"{"l": 2, "o": [["sa_sdp_+64","sa_sdp_64"],["sa_sdp_64","sa_sdp_64"]], "h": [128,128], "f": [[512],[512]]}"#)
                .hasPrefix("invalid value \"sa_sdp_+64\" for field 'o[0][0]': allowed <operation>_<head size>"))
        #expect(modelError(#"{"l": 3, "o": [], "h": [], "f": []}"#) == "invalid value 3 for field 'l': allowed {2, 4, 6, 8, 10, 12}")
        #expect(
            modelError(#"{"l": 2, "o": [["sa_sdp_64","sa_sdp_64"],["sa_sdp_64","sa_sdp_64"]], "h": [128,128], "f": [[512],[512]], "x": 1}"#)
                == "unknown field 'x': known fields are l, o, h, f, tt")
        #expect(
            modelError(#"{"l": 2, "o": [["sa_sdp_64","sa_sdp_64"],["sa_sdp_64","sa_sdp_64"]], "h": [128,100], "f": [[512],[512]]}"#)
                == "invalid value 100 for field 'layer 2 h': allowed {128, 256, 512, 768}")
        #expect(
            modelError(#"{"l": 2, "o": [["sa_sdp_64","attn_64"],["sa_sdp_64","sa_sdp_64"]], "h": [128,128], "f": [[512],[512]]}"#)
                == "invalid value \"attn_64\" for field 'o[0][1]': allowed <operation>_<head size> with operation in {sa_sdp, sa_wma, l_dft, l_dct, c_5, c_9, c_13}"
        )
        #expect(
            modelError(#"{"l": 2, "o": [["sa_sdp_32","sa_sdp_32"],["sa_sdp_64","sa_sdp_64"]], "h": [128,128], "f": [[512],[512]]}"#)
                == "invalid value \"sa_sdp_32\" for field 'o[0][0]': allowed head size 64 (= h 128 / 2 heads)")
        #expect(
            modelError(#"{"l": 2, "o": [["sa_sdp_64","sa_sdp_64"],["sa_sdp_64","sa_sdp_64"]], "h": [128,128], "f": [[512],[500]]}"#)
                == "invalid value 500 for field 'layer 2 f': allowed {256, 512, 1024, 2048, 3072, 4096}")
        #expect(
            modelError(#"{"l": 2, "o": [["sa_sdp_64","sa_sdp_64"],["sa_sdp_64","sa_sdp_64"]], "h": [128,128]}"#)
                == "missing field 'f': expected one list of feed-forward sizes per layer")
        #expect(
            modelError(
                #"{"l": 2, "o": [["sa_sdp_43","sa_sdp_43","sa_sdp_43"],["sa_sdp_64","sa_sdp_64"]], "h": [128,128], "f": [[512],[512]]}"#)
                == "invalid value 3 for field 'layer 1 o (number of heads)': allowed {2, 4, 8, 12}")
        #expect(modelError(#"{"l": true, "o": [], "h": [], "f": []}"#) == "invalid value true for field 'l': allowed {2, 4, 6, 8, 10, 12}")
    }

    @Test func acceltranAcceleratorsParseToTheBuiltIns() throws {
        let accelerators = try Fixtures.json("reference/acceltran.json")["accelerators"] as! [String: Any]
        for (key, name) in [("acceltran_edge", "acceltran-edge"), ("acceltran_server", "acceltran-server")] {
            let data = try JSONSerialization.data(withJSONObject: accelerators[key]!)
            let parsed = try AcceleratorFile.parse(String(decoding: data, as: UTF8.self), source: key)
            #expect(parsed == BuiltIns.accelerator(named: name))
        }
    }

    @Test func acceleratorYAMLRoundTrips() throws {
        for config in AcceleratorSpace.sample(200, seed: 21) {
            #expect(try AcceleratorFile.parse(AcceleratorFile.render(config), source: "x") == config)
        }
    }

    @Test func acceleratorErrorsAreOneLineNamingTheField() {
        let good = AcceleratorFile.render(BuiltIns.accelerator(named: "acceltran-edge")!)
        #expect(acceleratorError(good) == "accepted")
        #expect(
            acceleratorError(good.replacingOccurrences(of: "pe: 64", with: "pe: 65"))
                == "invalid value 65 for field 'pe': allowed {64, 128, 256, 512, 1024}")
        #expect(
            acceleratorError(good.replacingOccurrences(of: "banks: 32", with: "banks: 4"))
                == "invalid value DRAM [4, 2, 1] for field 'main_memory': allowed RRAM [16, 2, 2], RRAM [8, 2, 4], RRAM [4, 2, 8], RRAM [2, 2, 16], RRAM [32, 2, 1], RRAM [1, 2, 32], DRAM [16, 2, 2], DRAM [8, 2, 4], DRAM [32, 2, 1], DRAM [16, 4, 1], HBM [32, 1, 4]"
        )
        #expect(
            acceleratorError(good + "clock: 700\n")
                == "unknown field 'clock': known fields are tile, non_linearity, pe, lanes_per_pe, mac_per_lane, softmax_per_pe, batch_size, activation_buffer_size, weight_buffer_size, mask_buffer_size, main_memory, loop_unrolling, scheduler"
        )
        #expect(
            acceleratorError(good.replacingOccurrences(of: "non_linearity: gelu", with: "non_linearity: tanh"))
                == "invalid value \"tanh\" for field 'non_linearity': allowed relu or gelu")
        #expect(
            acceleratorError(good.replacingOccurrences(of: "  tile_y: 16", with: "  tile_y: 8"))
                == "invalid value 8 for field 'tile.tile_y': allowed equal to tile.tile_x = 16")
        #expect(
            acceleratorError("pe: [") == "cannot read a.yaml: not valid YAML or JSON: line 2, column 1: did not find expected node content")
        #expect(
            acceleratorError(good.replacingOccurrences(of: "mask_buffer_size: 1\n", with: ""))
                == "missing field 'mask_buffer_size': expected a whole number")
    }

    @Test func everyBuiltInResolves() throws {
        for name in BuiltIns.modelNames { _ = try Catalog.model(name) }
        for name in BuiltIns.acceleratorNames { _ = try Catalog.accelerator(name) }
        #expect(throws: DesignSpaceError.self) { try Catalog.model("bert-huge") }
        #expect(
            String(describing: DesignSpaceError.unknownBuiltIn(kind: "model", name: "bert-huge", known: BuiltIns.modelNames))
                == "unknown model 'bert-huge': use a file path or one of bert-tiny, bert-base, fb-star")
    }

    @Test func fbStarMatchesTableV() throws {
        let fb = BuiltIns.model(named: "fb-star")!
        #expect(fb.layers.count == 2)
        #expect(fb.layers[0].heads.count == 12 && fb.layers[1].heads.count == 12)
        #expect(fb.layers[0].count(of: .dsc13) == 5)
        #expect(fb.layers[1].feedForward == [256, 1024, 1024])
    }

    @Test func bertTinyStatisticsAreBERTTinys() {
        let tiny = BuiltIns.model(named: "bert-tiny")!
        // BERT-Tiny (L=2, H=128) has about 4.4 M parameters (Turc et al., 2019).
        #expect(abs(Double(tiny.parameterCount) - 4.4e6) / 4.4e6 < 0.02)
        // Per layer: QKV 3*128*128 + QK^T/AV 2*128*128 + out 128*128 + FF 2*128*512, times 128 tokens.
        #expect(tiny.macsPerSequence(sequenceLength: 128) == 2 * 128 * (6 * 128 * 128 + 2 * 128 * 512))
    }
}
