import Foundation
import ProjectLayout

/// Files of the checkout the tests read.
enum Fixtures {
    static func json(_ relative: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: ProjectFiles.path(relative)))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }
}
